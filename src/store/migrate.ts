/** Runs the schema migrations (plain up/down modules) with Kysely's migrator. */
import { type Kysely, type Migration, Migrator } from 'kysely';
import * as initial from './migrations/001-initial.ts';
import * as execution from './migrations/002-execution.ts';
import * as chartProjections from './migrations/003-chart-projections.ts';
import * as nameKeys from './migrations/004-name-keys.ts';
import * as eventItems from './migrations/005-event-items.ts';
import * as supersededTitleEdits from './migrations/006-superseded-title-edits.ts';
import * as leanerItemWrites from './migrations/007-leaner-item-writes.ts';
import * as burndownSteps from './migrations/008-burndown-steps.ts';
import * as planningIntelligence from './migrations/009-planning-intelligence.ts';
import * as visionCadences from './migrations/010-vision-cadences.ts';
import * as prds from './migrations/011-prds.ts';
import * as storyMaps from './migrations/012-story-maps.ts';
import * as roadmapBaselines from './migrations/013-roadmap-baselines.ts';
import * as shareLinks from './migrations/014-share-links.ts';
import * as announcementEdits from './migrations/015-announcement-edits.ts';
import * as imports from './migrations/016-imports.ts';
import * as comments from './migrations/017-comments.ts';
import * as webhooks from './migrations/018-webhooks.ts';
import * as tokensFeedsSso from './migrations/019-tokens-feeds-sso.ts';

/** The migrations in order; `warn` receives what one finds that an operator should act on. */
function migrationsFor(warn: (line: string) => void): Record<string, Migration> {
  return {
    '001-initial': initial,
    '002-execution': execution,
    '003-chart-projections': chartProjections,
    '004-name-keys': { up: (db) => nameKeys.up(db, warn), down: nameKeys.down },
    '005-event-items': eventItems,
    '006-superseded-title-edits': supersededTitleEdits,
    '007-leaner-item-writes': leanerItemWrites,
    '008-burndown-steps': burndownSteps,
    '009-planning-intelligence': planningIntelligence,
    '010-vision-cadences': visionCadences,
    '012-story-maps': storyMaps,
    '014-share-links': shareLinks,
    '011-prds': prds,
    '013-roadmap-baselines': roadmapBaselines,
    '015-announcement-edits': announcementEdits,
    '016-imports': imports,
    '017-comments': comments,
    '018-webhooks': webhooks,
    '019-tokens-feeds-sso': tokensFeedsSso,
  };
}

export interface MigrationOutcome {
  applied: string[];
}

/** Brings the schema to the named version (tests of a migration start from the one before it). */
export async function migrateTo<T>(db: Kysely<T>, name: string): Promise<void> {
  const migrations = migrationsFor(() => {});
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

/**
 * Brings the schema to the latest version; throws with the failing migration's name on error. With `log`,
 * says which migrations it applies before and after: one that derives data from a long history (003
 * rebuilds the chart projections from the event log) can take a while.
 */
export async function migrateToLatest<T>(
  db: Kysely<T>,
  log?: (line: string) => void,
): Promise<MigrationOutcome> {
  const migrations = migrationsFor(log ?? ((line) => console.warn(line)));
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  if (log) {
    const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined);
    if (pending.length > 0) log(`Migrating the database: ${pending.map((m) => m.name).join(', ')}…`);
  }
  const started = performance.now();
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  const applied = (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (log && applied.length > 0) {
    log(
      `Migrated the database (${applied.join(', ')}) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  return { applied };
}

/**
 * A product's cadences: for each artifact, how often it is due (the profile's default or the product's
 * adjustment), when it was last done (from the events), when it is next due in the product's calendar,
 * and, when overdue, why in words. Also what else the profile expects and the product lacks.
 */
import {
  ARTIFACT_LABELS,
  CADENCE_ARTIFACTS,
  type CadenceArtifact,
  dueState,
  overdueSentence,
} from '../../domain/cadence.ts';
import { cadencesInForce, PROFILES } from '../../domain/cadence-profiles.ts';
import { localDate } from '../../domain/time-zones.ts';
import type { CadenceEntryT, CadencesT } from '../../schemas/cadence.ts';
import type { Db } from '../../store/database.ts';
import type { ProductRow } from '../../store/tables.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { loadSettingsRow } from '../intelligence/definition-of-ready.ts';
import { initiativesWithPrd } from '../prds/initiative-metrics.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { type LastDone, loadLastDone } from './last-done.ts';
import { type ProcessSettings, parseProcess } from './process-settings.ts';

/** Committed initiatives looked at for a PRD: more than a roadmap holds. */
const MAX_COMMITTED = 1_000;

function plural(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** The entries, pure over what was read: the settings, the last-done instants and today. */
export function cadenceEntries(settings: ProcessSettings, last: LastDone, now: string): CadenceEntryT[] {
  const today = localDate(now, settings.timeZone);
  const inForce = cadencesInForce(settings.profile, settings.adjusted);
  const local = (instant: string | null | undefined) =>
    instant ? localDate(instant, settings.timeZone) : null;
  return CADENCE_ARTIFACTS.map((artifact: CadenceArtifact): CadenceEntryT => {
    const { every, isDefault } = inForce[artifact];
    const lastDoneAt = last.at[artifact] ?? null;
    const base = { artifact, label: ARTIFACT_LABELS[artifact], every, isDefault, lastDoneAt };
    if (every === 'off') return { ...base, nextDueOn: null, overdue: false, message: null };
    if (artifact === 'release_notes' || every === 'per_release') {
      // Per release: due when a release ships, overdue while a released one has no published notes.
      const missing = artifact === 'release_notes' ? last.releasesWithoutNotes : [];
      const overdue = missing.length > 0;
      const message = !overdue
        ? null
        : missing.length === 1
          ? `release ${missing[0]} has no published release notes`
          : `${missing.length} released releases have no published release notes`;
      return { ...base, nextDueOn: null, overdue, message };
    }
    if (artifact === 'burndown' && last.activeSprintSince === null) {
      // No sprint is active: nothing burns down.
      return { ...base, nextDueOn: null, overdue: false, message: null };
    }
    const since = artifact === 'burndown' ? local(last.activeSprintSince) : null;
    const state = dueState({ every, lastDone: local(lastDoneAt), since, today });
    const neverDone = lastDoneAt === null && since === null;
    return {
      ...base,
      nextDueOn: state.nextDueOn,
      overdue: state.overdue,
      message: overdueSentence(artifact, every, state, neverDone),
    };
  });
}

async function attentionNotes(db: Db, settings: ProcessSettings, productId: string) {
  if (!PROFILES[settings.profile].prdsExpected) return [];
  const committed = await db
    .selectFrom('initiatives')
    .select('id')
    .where('product_id', '=', productId)
    .where('confidence', '=', 'committed')
    .where('status', 'in', ['proposed', 'active'])
    .where('deleted_at', 'is', null)
    .limit(MAX_COMMITTED)
    .execute();
  if (committed.length === 0) return [];
  const withPrd = await initiativesWithPrd(db, productId);
  const lacking = committed.filter((i) => !withPrd.has(i.id)).length;
  if (lacking === 0) return [];
  const what = plural(lacking, 'committed initiative has', 'committed initiatives have');
  return [{ code: 'prd_missing' as const, message: `${what} no PRD`, count: lacking }];
}

export async function cadencesOf(ctx: ServiceContext, product: ProductRow): Promise<CadencesT> {
  const row = await loadSettingsRow(ctx.db, product.id);
  const settings = parseProcess(row);
  const now = timestamp(ctx);
  const last = await loadLastDone(ctx.db, product.id);
  return {
    profile: settings.profile,
    timeZone: settings.timeZone,
    today: localDate(now, settings.timeZone),
    cadences: cadenceEntries(settings, last, now),
    attention: await attentionNotes(ctx.db, settings, product.id),
    version: row.version,
  };
}

export async function getCadences(ctx: ServiceContext & { productId: string }): Promise<CadencesT> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  return cadencesOf(ctx, product);
}

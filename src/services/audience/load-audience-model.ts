/**
 * Loads the one model the audience views are presented from (presenters/audience/model.ts): the
 * product's live initiatives, themes and objectives, and — only for the views that show them — backlog
 * progress, PRD metrics, risks from the forecast and alignment analyses, and the roadmap's changelog.
 * Callers check access; this reads one product.
 */
import { DEFAULT_TRIALS } from '../../domain/forecast.ts';
import { progressByInitiative } from '../../domain/progress.ts';
import type {
  AudienceChange,
  AudienceInitiative,
  AudienceModel,
  AudienceRisk,
} from '../../presenters/audience/model.ts';
import type { AudienceViewName } from '../../schemas/audience.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { ProductRow } from '../../store/tables.ts';
import { listRoadmapChangelog } from '../baselines/changelog.ts';
import type { Actor } from '../context.ts';
import { getAlignment } from '../intelligence/get-alignment.ts';
import { getForecast } from '../intelligence/get-forecast.ts';
import { metricsByInitiative } from '../prds/initiative-metrics.ts';

/** Initiatives a view lists at most (the first in roadmap order); past it the view says `truncated`. */
export const MAX_VIEW_INITIATIVES = 2_000;
/** Changelog entries read at most. */
const CHANGELOG_READ = 100;
/** Initiative ids per `in (…)` list. */
const IDS_PER_QUERY = 500;

async function loadInitiatives(db: Db, productId: string) {
  const rows = await db
    .selectFrom('initiatives')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .limit(MAX_VIEW_INITIATIVES + 1)
    .execute();
  const truncated = rows.length > MAX_VIEW_INITIATIVES;
  return { rows: truncated ? rows.slice(0, MAX_VIEW_INITIATIVES) : rows, truncated };
}

async function loadObjectiveLinks(db: Db, ids: readonly string[]): Promise<Map<string, string[]>> {
  const links = new Map<string, string[]>();
  for (const slice of chunked(ids, IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('initiative_objectives')
      .select(['initiative_id', 'objective_id'])
      .where('initiative_id', 'in', slice)
      .orderBy('objective_id')
      .execute();
    for (const row of rows) {
      const list = links.get(row.initiative_id) ?? [];
      list.push(row.objective_id);
      links.set(row.initiative_id, list);
    }
  }
  return links;
}

async function loadProgress(db: Db, productId: string) {
  const rows = await db
    .selectFrom('items')
    .select(['initiative_id', 'status', 'estimate'])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .where('initiative_id', 'is not', null)
    .execute();
  return progressByInitiative(
    rows.map((r) => ({ initiativeId: r.initiative_id, status: r.status, estimate: r.estimate })),
  );
}

/** Risks from issue 13's analyses: forecasts that miss their target date, and open initiatives with no work. */
async function loadRisks(db: Db, actor: Actor, productId: string): Promise<Map<string, AudienceRisk[]>> {
  const [forecast, alignment] = await Promise.all([
    getForecast({ db, actor, productId, unit: 'items', trials: DEFAULT_TRIALS }),
    getAlignment({ db, actor, productId }),
  ]);
  const risks = new Map<string, AudienceRisk[]>();
  const add = (id: string, risk: AudienceRisk) => risks.set(id, [...(risks.get(id) ?? []), risk]);
  for (const outlook of forecast.initiatives) {
    if (!outlook.atRisk) continue;
    add(outlook.id, {
      kind: 'forecast_misses_target',
      message: `forecast (85 %) ${outlook.p85 ?? 'beyond 3 years'} misses the target ${outlook.targetDate}`,
    });
  }
  for (const empty of alignment.initiativesWithoutWork) {
    add(empty.initiativeId, { kind: 'no_work', message: `in ${empty.horizon} with no open backlog item` });
  }
  return risks;
}

async function loadChangelog(db: Db, productId: string): Promise<AudienceChange[]> {
  const { announcements, unannounced } = await listRoadmapChangelog(db, productId, CHANGELOG_READ);
  const entries: AudienceChange[] = [
    ...announcements.map((a) => ({ ...a, announced: true })),
    ...unannounced.map((p) => ({
      id: `event-${p.eventId}`,
      initiativeId: p.initiativeId,
      at: p.at,
      actorId: p.actorId,
      announced: false,
      text: null,
      publicText: null,
      changes: p.changes,
    })),
  ];
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0)).slice(0, CHANGELOG_READ);
}

/**
 * The model for `view` of `product` (already scoped by the caller). `actor` is needed only for the
 * executive view's risks (the analyses scope themselves); the customer view reads no more than it shows.
 */
export async function loadAudienceModel(
  db: Db,
  product: ProductRow,
  view: AudienceViewName,
  actor: Actor | null,
): Promise<AudienceModel> {
  // Read side by side: on PostgreSQL each is a round trip of its own (the shared page's first read).
  const [{ rows, truncated }, changelog] = await Promise.all([
    loadInitiatives(db, product.id),
    loadChangelog(db, product.id),
  ]);
  const ids = rows.map((r) => r.id);
  const [links, themes, objectives] = await Promise.all([
    view === 'customer' ? new Map<string, string[]>() : loadObjectiveLinks(db, ids),
    view === 'customer'
      ? []
      : db
          .selectFrom('themes')
          .select(['id', 'name'])
          .where('product_id', '=', product.id)
          .where('deleted_at', 'is', null)
          .orderBy('name')
          .execute(),
    view === 'customer'
      ? []
      : db
          .selectFrom('objectives')
          .select(['id', 'title'])
          .where('product_id', '=', product.id)
          .where('deleted_at', 'is', null)
          .orderBy('title')
          .execute(),
  ]);
  const progress = view === 'team' ? await loadProgress(db, product.id) : new Map();
  // An initiative with a PRD shows its PRD's metrics (the executive's outcomes, the team's list).
  const prds = view === 'customer' ? new Map() : await metricsByInitiative(db, ids);
  const risks = view === 'executive' && actor ? await loadRisks(db, actor, product.id) : new Map();
  const initiatives: AudienceInitiative[] = rows.map((row) => ({
    id: row.id,
    title: row.title,
    summary: row.summary,
    publicSummary: row.public_summary,
    themeId: row.theme_id,
    objectiveIds: links.get(row.id) ?? [],
    horizon: row.horizon,
    startDate: row.start_date,
    targetDate: row.target_date,
    confidence: row.confidence,
    visibility: row.visibility,
    status: row.status,
    successMetrics: JSON.parse(row.success_metrics) as string[],
  }));
  return {
    product: { id: product.id, key: product.key, name: product.name },
    initiatives,
    themes,
    objectives,
    progress,
    prdMetrics: new Map([...prds].map(([id, prd]) => [id, prd.metrics])),
    risks,
    changelog,
    truncated,
  };
}

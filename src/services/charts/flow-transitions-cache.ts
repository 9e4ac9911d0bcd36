/**
 * The status transitions a cumulative flow needs, counted per local day, kept in memory between requests
 * and brought up to date from the events written since: counting half a million events takes the
 * database a good part of a second, catching up on the last few takes a millisecond. Always exact: the
 * event log only grows, each event counts on the day it is dated, and a product's event ids are handed
 * out under its write lock, so "every event with an id up to N" never changes once N is seen.
 *
 * An entry covers one product (or one team's items of it) in one time zone, for days from a first date
 * (earlier events fold into the starting state) to a horizon some weeks past today. A request that
 * starts earlier, reaches past the horizon, or (with a team) finds the team's set of sprint items
 * changed, counts afresh. At most MAX_ENTRIES entries per database handle, least recently used dropped.
 */
import { sql } from 'kysely';
import { datesBetween } from '../../domain/calendar.ts';
import { type FlowTransition, type LocalDays, localDayRules } from '../../domain/cumulative-flow.ts';
import { slotsAlign } from '../../domain/item-projection.ts';
import type { Db } from '../../store/database.ts';
import { countFlowSlots } from './count-flow-slots.ts';
import { countStatusTransitions } from './count-status-transitions.ts';
import { perDatabase } from './per-database.ts';

interface Entry {
  first: string;
  horizon: string;
  days: LocalDays;
  scopeCount: number;
  lastId: number;
  /** `date|from|to` → count. */
  counts: Map<string, FlowTransition>;
}

const MAX_ENTRIES = 100;
const DAY = 86_400_000;
/** The most days one entry's rules span. */
const MAX_SPAN_DAYS = 800;
/** How far past the last day asked for an entry's day rules reach, so days to come need no recount. */
const HORIZON_DAYS = 62;
const cacheOf = perDatabase<Entry>();

function add(counts: Map<string, FlowTransition>, transitions: readonly FlowTransition[]): void {
  for (const t of transitions) {
    const key = `${t.date}|${t.from}|${t.to}`;
    const found = counts.get(key);
    if (found) found.count += t.count;
    else counts.set(key, { ...t });
  }
}

export interface FlowQuery {
  productId: string;
  teamId: string | null;
  timezone: string;
  /** The first and last day the chart shows. */
  from: string;
  last: string;
}

/** Every transition of the query's items up to the latest event, dated by local day in the time zone. */
export async function flowTransitions(db: Db, q: FlowQuery): Promise<FlowTransition[]> {
  const { rows } = await sql<{ last: number | null; scope: number | null }>`
    select (select max(id) from events where product_id = ${q.productId}) as last,
      ${
        q.teamId === null
          ? sql`0`
          : sql`(select count(*) from sprint_scope_items ssi join sprints sp on sp.id = ssi.sprint_id
              where sp.team_id = ${q.teamId} and sp.product_id = ${q.productId} and sp.deleted_at is null)`
      } as scope`.execute(db);
  const lastId = Number(rows[0]?.last ?? 0);
  const scopeCount = Number(rows[0]?.scope ?? 0);
  const cache = cacheOf(db);
  const key = `${q.productId}|${q.teamId ?? ''}|${q.timezone}`;
  const cached = cache.get(key);
  const usable =
    cached && cached.first <= q.from && cached.horizon >= q.last && cached.scopeCount === scopeCount;

  let entry: Entry;
  if (usable) {
    entry = cached;
    if (lastId > entry.lastId) {
      // Counted into a copy: a concurrent request may be reading the entry's counts.
      const counts = new Map([...entry.counts].map(([k, t]) => [k, { ...t }]));
      add(
        counts,
        await countStatusTransitions(db, { ...q, days: entry.days, afterId: entry.lastId, upToId: lastId }),
      );
      entry = { ...entry, lastId, counts };
    }
  } else {
    // Counted afresh, for the days asked and (within reason) the ones the entry covered before, so two
    // ranges asked in turn do not push each other out.
    const horizon = new Date(Date.parse(q.last) + HORIZON_DAYS * DAY).toISOString().slice(0, 10);
    const earlier = cached && cached.first < q.from ? cached.first : q.from;
    const first = (Date.parse(horizon) - Date.parse(earlier)) / DAY <= MAX_SPAN_DAYS ? earlier : q.from;
    const days = localDayRules(datesBetween(first, horizon, MAX_SPAN_DAYS + 1), q.timezone);
    const counts = new Map<string, FlowTransition>();
    let counted = lastId;
    if (q.teamId === null && slotsAlign(days)) {
      // Read with the id of the product's latest event they include (one statement, one snapshot).
      const fromSlots = await countFlowSlots(db, q.productId, days);
      add(counts, fromSlots.transitions);
      counted = fromSlots.lastId;
    } else {
      add(counts, await countStatusTransitions(db, { ...q, days, afterId: 0, upToId: lastId }));
    }
    entry = { first, horizon, days, scopeCount, lastId: counted, counts };
  }
  const current = cache.get(key);
  if (!current || current === cached || current.lastId <= entry.lastId) {
    cache.delete(key);
    cache.set(key, entry);
    for (const oldest of cache.keys()) {
      if (cache.size <= MAX_ENTRIES) break;
      cache.delete(oldest);
    }
  }
  return [...entry.counts.values()];
}

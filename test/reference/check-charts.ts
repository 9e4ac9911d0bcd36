/**
 * Reads each chart through the HTTP API and compares it with the reference replay; a difference fails
 * with the seed, the query, what differs and the history of the items involved.
 */
import assert from 'node:assert/strict';
import { computeBurndown } from '../../src/domain/burndown.ts';
import { loadSprintItemEvents } from '../../src/services/sprints/sprint-item-events.ts';
import type { Body, TestApi } from '../support/api.ts';
import { describeItems, differences, sameInstant } from './compare.ts';
import { type SprintFacts, STATUSES } from './history.ts';
import type { PlayedCase } from './play-history.ts';
import type { Random } from './prng.ts';
import { referenceBurndown, referenceCumulativeFlow, referenceVelocity } from './reference-charts.ts';
import { addDays, iso, localDate, localMidnight } from './zoned-days.ts';

export interface CheckContext {
  api: TestApi;
  random: Random;
  /** Names the run in every failure: seed, dialect and case. */
  label: string;
}

async function get(api: TestApi, path: string): Promise<Body> {
  const response = await api.call('GET', path);
  assert.equal(response.status, 200, `GET ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

function fail(check: CheckContext, query: string, found: string[], history: string): never {
  assert.fail(
    [`${check.label}: ${query} differs from the reference replay`, ...found, 'History:', history].join('\n'),
  );
}

/** The instants to ask a sprint's burndown at: now, its start, inside it (on and around events), its close. */
function asOfsFor(check: CheckContext, played: PlayedCase, sprint: SprintFacts): number[] {
  const { random } = check;
  const started = Date.parse(sprint.startedAt as string);
  const closed = sprint.closedAt ? Date.parse(sprint.closedAt) : null;
  const asOfs = [played.endMs];
  if (closed !== null) asOfs.push(closed, closed + 1);
  // A closed sprint is asked about the time before its close only when it closed by its end date: what a
  // chart "as of" a moment before an overdue close shows past the end date is not defined by the issue.
  if (closed !== null && localDate(closed, sprint.timezone) > sprint.endDate) return asOfs;
  const until = closed ?? played.endMs;
  if (closed === null) asOfs.push(started);
  const inside = played.history.events.filter((event) => event.ms > started && event.ms < until);
  for (let n = 0; n < 3 && inside.length > 0; n += 1) {
    const event = random.pick(inside);
    asOfs.push(event.ms, event.ms - 1);
  }
  const date = addDays(localDate(started, sprint.timezone), random.int(1, 4));
  const midnight = localMidnight(date, sprint.timezone);
  if (midnight > started && midnight < until) asOfs.push(midnight, midnight - 1);
  return asOfs.filter((ms) => ms >= started);
}

/** One sprint's burndown as of an instant (at or after its start). */
export async function checkBurndown(
  check: CheckContext,
  played: PlayedCase,
  sprint: SprintFacts,
  asOfMs: number,
): Promise<void> {
  const asOf = iso(asOfMs);
  const path = `/sprints/${sprint.id}/burndown?asOf=${encodeURIComponent(asOf)}`;
  const body = await get(check.api, path);
  const expected = referenceBurndown(played.history, sprint, asOf);
  const byTime = (a: { at: string; itemId: string; kind: string }, b: typeof a) =>
    a.at.localeCompare(b.at) || a.itemId.localeCompare(b.itemId) || a.kind.localeCompare(b.kind);
  const actual = {
    ...body,
    startedAt: sameInstant(body.startedAt),
    closedAt: sameInstant(body.closedAt),
    asOf: sameInstant(body.asOf),
    scopeChanges: Array.isArray(body.scopeChanges)
      ? body.scopeChanges.map((change: Body) => ({ ...change, at: sameInstant(change.at) })).sort(byTime)
      : body.scopeChanges,
  };
  // The answer (replayed from the sprint's burndown steps) is exactly the replay of its items' events.
  const row = await check.api.database.db
    .selectFrom('sprints')
    .select(['start_date', 'end_date', 'timezone', 'started_at', 'closed_at'])
    .where('id', '=', sprint.id)
    .executeTakeFirstOrThrow();
  const times = {
    id: sprint.id,
    startDate: row.start_date,
    endDate: row.end_date,
    timezone: row.timezone,
    startedAt: row.started_at,
    closedAt: row.closed_at,
  };
  const events = await loadSprintItemEvents(check.api.database.db, sprint.id);
  const {
    sprintId: _sprint,
    timezone: _zone,
    startedAt: _started,
    closedAt: _closed,
    asOf: _asOf,
    ...replayed
  } = body;
  assert.deepEqual(
    replayed,
    computeBurndown(times, events, new Date(asOf).toISOString()),
    `${check.label}: GET ${path} (${sprint.name}) differs from the replay of its items' events`,
  );
  const found = differences(actual, { ...expected, asOf, scopeChanges: expected.scopeChanges.sort(byTime) });
  if (found.length > 0) {
    const involved = new Set(
      played.history.events
        .filter((event) => event.after.sprintId === sprint.id)
        .map((event) => event.itemId),
    );
    fail(check, `GET ${path} (${sprint.name})`, found, describeItems(played.history, involved, [sprint]));
  }
}

/** Every started sprint's burndown at the instants of asOfsFor; answers how many were compared. */
export async function checkBurndowns(check: CheckContext, played: PlayedCase): Promise<number> {
  let checked = 0;
  for (const sprint of played.history.sprints) {
    if (!sprint.startedAt) continue;
    for (const asOfMs of asOfsFor(check, played, sprint)) {
      await checkBurndown(check, played, sprint, asOfMs);
      checked += 1;
    }
  }
  return checked;
}

export async function checkVelocity(
  check: CheckContext,
  played: PlayedCase,
  counts = [1, 2, 10],
): Promise<number> {
  const { api } = check;
  const teams: (string | null)[] = [...new Set(played.history.sprints.map((sprint) => sprint.teamId))];
  if (!teams.includes(null)) teams.push(null); // no teamless sprint: an empty chart
  let checked = 0;
  for (const teamId of teams) {
    const sprints = played.history.sprints.filter((sprint) => sprint.teamId === teamId);
    const filters = teamId === null ? ['', '&teamId=none'] : [`&teamId=${teamId}`];
    for (const filter of filters) {
      for (const count of counts) {
        const path = `/products/${played.productId}/velocity?count=${count}${filter}`;
        const body = await get(api, path);
        const actual = {
          ...body,
          sprints: Array.isArray(body.sprints)
            ? body.sprints.map((sprint: Body) => ({ ...sprint, closedAt: sameInstant(sprint.closedAt) }))
            : body.sprints,
        };
        const found = differences(actual, referenceVelocity(played.history, sprints, teamId, count));
        if (found.length > 0) {
          const involved = new Set(
            played.history.events
              .filter((event) => sprints.some((sprint) => sprint.id === event.after.sprintId))
              .map((event) => event.itemId),
          );
          fail(check, `GET ${path}`, found, describeItems(played.history, involved, sprints));
        }
        checked += 1;
      }
    }
  }
  return checked;
}

/** The product's cumulative flow in each zone, from before the history to the day after `untilMs`. */
export async function checkCumulativeFlow(
  check: CheckContext,
  played: PlayedCase,
  zones: string[],
  untilMs = played.endMs,
): Promise<number> {
  const { api } = check;
  let checked = 0;
  for (const zone of zones) {
    const from = addDays(localDate(played.startMs, zone), -1);
    const to = addDays(localDate(untilMs, zone), 1);
    const path = `/products/${played.productId}/cumulative-flow?from=${from}&to=${to}&timezone=${encodeURIComponent(zone)}`;
    const body = await get(api, path);
    const expected = referenceCumulativeFlow(played.history, played.productId, from, to, zone);
    const actual = {
      ...body,
      // A status the answer leaves out counts no items.
      days: Array.isArray(body.days)
        ? body.days.map((day: Body) => ({ ...day, counts: { ...zeroCounts(expected), ...day.counts } }))
        : body.days,
    };
    const found = differences(actual, expected);
    if (!Array.isArray(body.statuses) || [...body.statuses].sort().join() !== [...STATUSES].sort().join())
      found.unshift(`statuses: expected every status, got ${JSON.stringify(body.statuses)}`);
    if (found.length > 0) {
      const day = /days\[(\d+)\]/.exec(found[0] ?? '')?.[1];
      const date = day === undefined ? null : expected.days[Number(day)]?.date;
      const involved = new Set(
        played.history.events
          .filter((event) => event.after.productId === played.productId && localDate(event.ms, zone) === date)
          .map((event) => event.itemId),
      );
      fail(check, `GET ${path}`, found, describeItems(played.history, involved, played.history.sprints));
    }
    checked += 1;
  }
  return checked;
}

/**
 * The checks made midway through a history: the open sprints' burndowns as of now, the latest closed
 * sprint's, velocity and the cumulative flow so far — later events must not leave them stale.
 */
export function checkMidway(check: CheckContext): (played: PlayedCase, ms: number) => Promise<void> {
  return async (played, ms) => {
    const started = played.history.sprints.filter((sprint) => sprint.startedAt !== null);
    const closed = started.filter((sprint) => sprint.closedAt !== null);
    const latestClosed = closed
      .sort((a, b) => (a.closedAt as string).localeCompare(b.closedAt as string))
      .at(-1);
    for (const sprint of started)
      if (sprint.closedAt === null || sprint === latestClosed) await checkBurndown(check, played, sprint, ms);
    await checkVelocity(check, played, [10]);
    const zone = played.history.sprints[0]?.timezone ?? 'UTC';
    await checkCumulativeFlow(check, played, [zone], ms);
  };
}

const zeroCounts = (flow: { days: { counts: Record<string, number> }[] }) =>
  Object.fromEntries(Object.keys(flow.days[0]?.counts ?? {}).map((status) => [status, 0]));

/**
 * Plays a random sprint history through the real services with past times (ctx.now), and records what
 * happened to every item: the reference replay reads only this record, never the event table.
 */
import { CreateItemInput, UpdateItemInput } from '../../src/schemas/item.ts';
import { CloseSprintInput, CreateSprintInput } from '../../src/schemas/sprint.ts';
import { CreateTeamInput } from '../../src/schemas/team.ts';
import type { Actor } from '../../src/services/context.ts';
import { createItem } from '../../src/services/items/create-item.ts';
import { setItemTrashed } from '../../src/services/items/set-item-trashed.ts';
import { updateItem } from '../../src/services/items/update-item.ts';
import { closeSprint } from '../../src/services/sprints/close-sprint.ts';
import { createSprint } from '../../src/services/sprints/create-sprint.ts';
import { startSprint } from '../../src/services/sprints/start-sprint.ts';
import { createTeam } from '../../src/services/teams/create-team.ts';
import type { Db } from '../../src/store/database.ts';
import type { History, ItemState, SprintFacts, Status } from './history.ts';
import type { Random } from './prng.ts';
import { closeTime, eventTimes, HOUR, MINUTE, startTime } from './schedule.ts';
import { addDays, iso, localMidnight } from './zoned-days.ts';

/** One team's (or the teamless) run of consecutive sprints, in one time zone. */
export interface TrackPlan {
  team: string | null;
  timezone: string;
  sprints: { startDate: string; endDate: string }[];
  /** Close the last sprint too (else it stays active, and the history runs past its end date). */
  closeLast: boolean;
}

export interface CasePlan {
  name: string;
  tracks: TrackPlan[];
  /** Random item events per day of the history. */
  eventsPerDay: number;
}

export interface PlayedCase {
  history: History;
  productId: string;
  /** Team name → id. */
  teamIds: Map<string, string>;
  startMs: number;
  endMs: number;
}

const ESTIMATES = [null, 0.3, 0.5, 1, 1.5, 2, 2.5, 3, 5, 8, 13] as const;

interface SprintSlot {
  track: TrackPlan;
  index: number;
  facts: SprintFacts | null;
  state: 'planned' | 'active' | 'closed';
}

type Action =
  | { ms: number; kind: 'team'; track: TrackPlan }
  | { ms: number; kind: 'create-sprint' | 'start' | 'close'; slot: SprintSlot }
  | { ms: number; kind: 'random' };

export async function playCase(options: {
  db: Db;
  actor: Actor;
  productId: string;
  noiseProductId: string;
  plan: CasePlan;
  random: Random;
  /**
   * Called now and then between events (and after the last) with the history so far and the time of the
   * latest action: charts read mid-history must agree too, so nothing computed earlier may go stale.
   */
  checkpoint?: (played: PlayedCase, ms: number) => Promise<void>;
}): Promise<PlayedCase> {
  const { db, actor, productId, noiseProductId, plan, random } = options;
  const history: History = { events: [], sprints: [] };
  const items = new Map<string, ItemState>();
  const teamIds = new Map<string, string>();
  const slots: SprintSlot[] = [];

  // The schedule: teams and sprints first, each sprint's start and close, then random events between.
  const firstDates = plan.tracks.map((track) =>
    localMidnight(addDays(track.sprints[0]?.startDate as string, -3), track.timezone),
  );
  const startMs = Math.min(...firstDates) + 8 * HOUR;
  const actions: Action[] = [];
  let setupMs = startMs;
  const nextSetup = () => {
    setupMs += 1000;
    return setupMs;
  };
  let endMs = startMs;
  for (const track of plan.tracks) {
    if (track.team) actions.push({ ms: nextSetup(), kind: 'team', track });
    let previousClose = startMs + 10 * MINUTE;
    track.sprints.forEach((dates, index) => {
      const slot: SprintSlot = { track, index, facts: null, state: 'planned' };
      slots.push(slot);
      actions.push({ ms: nextSetup(), kind: 'create-sprint', slot });
      let start = startTime(random, localMidnight(dates.startDate, track.timezone));
      if (start <= previousClose + MINUTE) start = previousClose + random.int(MINUTE, 3 * HOUR);
      actions.push({ ms: start, kind: 'start', slot });
      const endMidnight = localMidnight(addDays(dates.endDate, 1), track.timezone);
      const last = index === track.sprints.length - 1;
      if (last && !track.closeLast) {
        endMs = Math.max(
          endMs,
          localMidnight(addDays(dates.endDate, 3), track.timezone) - random.int(1, 10 * HOUR),
        );
        return;
      }
      let close = closeTime(random, endMidnight);
      if (close <= start + 12 * HOUR) close = start + random.int(12 * HOUR, 24 * HOUR);
      actions.push({ ms: close, kind: 'close', slot });
      previousClose = close;
      endMs = Math.max(endMs, close + random.int(HOUR, 6 * HOUR));
    });
  }
  const taken = new Set(actions.map((action) => action.ms));
  const zones = [...new Set([...plan.tracks.map((track) => track.timezone), 'UTC'])];
  const count = Math.round((plan.eventsPerDay * (endMs - startMs)) / (24 * HOUR));
  for (const ms of eventTimes(random, setupMs + 1000, endMs, count, zones)) {
    if (taken.has(ms)) continue;
    taken.add(ms);
    actions.push({ ms, kind: 'random' });
  }
  actions.sort((a, b) => a.ms - b.ms);
  const played: PlayedCase = { history, productId, teamIds, startMs, endMs };

  const record = (ms: number, itemId: string, after: ItemState) => {
    const before = items.get(itemId);
    if (
      before &&
      before.estimate === after.estimate &&
      before.status === after.status &&
      before.sprintId === after.sprintId &&
      before.trashed === after.trashed
    )
      return;
    items.set(itemId, after);
    history.events.push({ ms, at: iso(ms), itemId, after });
  };
  const stateOf = (item: {
    productId: string;
    key: string;
    title: string;
    estimate: number | null;
    status: Status;
    sprintId: string | null;
    deletedAt: string | null;
  }): ItemState => ({
    productId: item.productId,
    key: item.key,
    title: item.title,
    estimate: item.estimate,
    status: item.status,
    sprintId: item.sprintId,
    trashed: item.deletedAt !== null,
  });

  /** After a sprint service: take the items' state from the database (a close moves leftovers). */
  const syncFromDatabase = async (ms: number) => {
    const rows = await db
      .selectFrom('items')
      .select(['id', 'product_id', 'key', 'title', 'estimate', 'status', 'sprint_id', 'deleted_at'])
      .where('product_id', '=', productId)
      .execute();
    for (const row of rows) {
      record(ms, row.id, {
        productId: row.product_id,
        key: row.key,
        title: row.title,
        estimate: row.estimate === null ? null : Number(row.estimate),
        status: row.status,
        sprintId: row.sprint_id,
        trashed: row.deleted_at !== null,
      });
    }
  };
  const readSprint = async (slot: SprintSlot) => {
    const facts = slot.facts as SprintFacts;
    const row = await db
      .selectFrom('sprints')
      .select(['started_at', 'closed_at', 'state'])
      .where('id', '=', facts.id)
      .executeTakeFirstOrThrow();
    facts.startedAt = row.started_at;
    facts.closedAt = row.closed_at;
    slot.state = row.state;
  };

  const openSlots = () => slots.filter((slot) => slot.facts && slot.state !== 'closed');
  const activeIds = () => slots.filter((slot) => slot.state === 'active').map((slot) => slot.facts?.id);
  const liveItems = (product: string) =>
    [...items.entries()].filter(([, item]) => item.productId === product && !item.trashed);
  const pickItem = () => {
    const live = liveItems(productId);
    const active = new Set(activeIds());
    const inActive = live.filter(([, item]) => item.sprintId !== null && active.has(item.sprintId));
    return inActive.length > 0 && random.chance(0.65) ? random.pick(inActive) : random.pick(live);
  };
  const pickSprint = (): string | null => {
    const open = openSlots();
    const active = open.filter((slot) => slot.state === 'active');
    const planned = open.filter((slot) => slot.state === 'planned');
    const choice = random.weighted<SprintSlot[] | null>([
      [null, 3],
      [active, active.length ? 4 : 0],
      [planned, planned.length ? 2 : 0],
    ]);
    return choice ? ((random.pick(choice).facts as SprintFacts).id as string) : null;
  };
  const pickEstimate = (not?: number | null) => {
    let estimate: number | null;
    do estimate = random.pick(ESTIMATES);
    while (estimate === not);
    return estimate;
  };
  const pickStatus = (current?: Status): Status => {
    let status: Status;
    do
      status =
        current === 'done'
          ? random.weighted<Status>([
              ['in_progress', 3],
              ['in_review', 2],
              ['ready', 1],
              ['backlog', 1],
              ['wont_do', 1],
            ])
          : random.weighted<Status>([
              ['backlog', 2],
              ['ready', 2],
              ['in_progress', 3],
              ['in_review', 2],
              ['done', 5],
              ['wont_do', 1],
            ]);
    while (status === current);
    return status;
  };
  let titleNumber = 0;

  const randomEvent = async (ms: number) => {
    const ctx = { db, actor, now: iso(ms) };
    const live = liveItems(productId);
    const trashed = [...items.entries()].filter(([, item]) => item.productId === productId && item.trashed);
    const op = random.weighted<string>([
      ['create', live.length < 12 ? 40 : 10],
      ['estimate', live.length ? 16 : 0],
      ['status', live.length ? 30 : 0],
      ['move', live.length ? 9 : 0],
      ['both', live.length ? 6 : 0],
      ['trash', live.length ? 4 : 0],
      ['restore', trashed.length ? 4 : 0],
      ['noise', 8],
    ]);
    if (op === 'create') {
      const status = random.weighted<Status>([
        ['backlog', 6],
        ['ready', 5],
        ['in_progress', 2],
        ['done', 3],
        ['wont_do', 1],
      ]);
      titleNumber += 1;
      const created = await createItem({
        ...ctx,
        productId,
        input: CreateItemInput.parse({
          title: `Item ${titleNumber}`,
          estimate: pickEstimate(),
          status,
          sprintId: pickSprint(),
        }),
      });
      record(ms, created.id, stateOf(created));
    } else if (op === 'noise') {
      const noise = liveItems(noiseProductId);
      if (noise.length < 6 || random.chance(0.3)) {
        const created = await createItem({
          ...ctx,
          productId: noiseProductId,
          input: CreateItemInput.parse({ title: 'Elsewhere', status: pickStatus(), estimate: 3 }),
        });
        record(ms, created.id, stateOf(created));
      } else {
        const [id, item] = random.pick(noise);
        const updated = await updateItem({ ...ctx, id, input: { status: pickStatus(item.status) } });
        record(ms, id, stateOf(updated));
      }
    } else if (op === 'restore') {
      const [id] = random.pick(trashed);
      record(ms, id, stateOf(await setItemTrashed({ ...ctx, id, trashed: false })));
    } else {
      const [id, item] = pickItem();
      if (op === 'trash') {
        record(ms, id, stateOf(await setItemTrashed({ ...ctx, id, trashed: true })));
        return;
      }
      let input: UpdateItemInput;
      if (op === 'estimate') input = { estimate: pickEstimate(item.estimate) };
      else if (op === 'status') input = { status: pickStatus(item.status) };
      else if (op === 'both')
        input = { estimate: pickEstimate(item.estimate), status: pickStatus(item.status) };
      else input = { sprintId: pickSprint() };
      record(ms, id, stateOf(await updateItem({ ...ctx, id, input: UpdateItemInput.parse(input) })));
    }
  };

  for (const action of actions) {
    const ctx = { db, actor, now: iso(action.ms) };
    try {
      if (action.kind === 'random') await randomEvent(action.ms);
      else if (action.kind === 'team') {
        const name = action.track.team as string;
        const team = await createTeam({ ...ctx, productId, input: CreateTeamInput.parse({ name }) });
        teamIds.set(name, team.id);
      } else if (action.kind === 'create-sprint') {
        const { track, index } = action.slot;
        const dates = track.sprints[index] as TrackPlan['sprints'][number];
        const teamId = track.team ? (teamIds.get(track.team) ?? null) : null;
        const name = `${track.team ?? 'Sprint'} ${index + 1}`;
        const sprint = await createSprint({
          ...ctx,
          productId,
          input: CreateSprintInput.parse({ name, teamId, ...dates, timezone: track.timezone }),
        });
        action.slot.facts = {
          id: sprint.id,
          productId,
          name,
          teamId,
          timezone: track.timezone,
          startDate: dates.startDate,
          endDate: dates.endDate,
          startedAt: null,
          closedAt: null,
        };
        history.sprints.push(action.slot.facts);
      } else if (action.kind === 'start') {
        await startSprint({ ...ctx, id: (action.slot.facts as SprintFacts).id });
        await readSprint(action.slot);
        await syncFromDatabase(action.ms);
      } else {
        const { track, index } = action.slot;
        const next = slots.find((slot) => slot.track === track && slot.index === index + 1);
        const sprintId = (action.slot.facts as SprintFacts).id;
        const leftovers = random.pick(['next', 'backlog'] as const);
        const unfinished = [...items.entries()].filter(
          ([, item]) =>
            item.sprintId === sprintId &&
            !item.trashed &&
            item.status !== 'done' &&
            item.status !== 'wont_do',
        );
        const moves = unfinished
          .filter(() => random.chance(0.3))
          .map(([itemId]) => ({ itemId, to: random.pick(['next', 'backlog'] as const) }));
        await closeSprint({
          ...ctx,
          id: sprintId,
          input: CloseSprintInput.parse({
            leftovers,
            ...(next?.facts ? { nextSprintId: next.facts.id } : {}),
            ...(moves.length ? { moves } : {}),
          }),
        });
        await readSprint(action.slot);
        await syncFromDatabase(action.ms);
      }
    } catch (error) {
      throw new Error(`${action.kind} at ${iso(action.ms)} failed: ${(error as Error).message}`, {
        cause: error,
      });
    }
    if (random.chance(0.03)) await options.checkpoint?.(played, action.ms);
  }
  return played;
}

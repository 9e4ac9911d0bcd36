/**
 * Plans the demo's simulated history: when each item is written, refined, started, reviewed and finished;
 * which items block which; when initiatives start and finish. Pure: days in, steps out. A day is counted
 * from today (negative = past, fractions = time of day); steps that fall on or after today are left out,
 * which is what leaves later work in the backlog and current work in progress.
 */
import { findCycle } from '../domain/dependency-graph.ts';
import type { DemoItem } from './demo-items.ts';
import type { DemoInitiative } from './demo-roadmap.ts';
import type { Confidence, Horizon, InitiativeStatus, ItemStatus } from './demo-types.ts';
import { BUSINESS_DEPENDENCIES, EXTERNAL_DEPENDENCIES } from './demo-work.ts';
import type { Random } from './random.ts';

/** A change to an item; `assignee` indexes the demo team (0 = the owner), `criteriaDone` counts from the top. */
export interface ItemPatch {
  status?: ItemStatus;
  estimate?: number;
  assignee?: number;
  criteriaDone?: number;
}

export interface InitiativeState {
  status?: InitiativeStatus;
  horizon?: Horizon;
  confidence?: Confidence;
}

export type Step = { day: number } & (
  | { kind: 'initiative.create'; initiative: number; state: Required<InitiativeState> }
  | { kind: 'initiative.update'; initiative: number; state: InitiativeState }
  | { kind: 'item.create'; item: number; estimate: number | null }
  | { kind: 'item.update'; item: number; patch: ItemPatch }
  | { kind: 'item.move'; item: number; before: number }
  | { kind: 'dependency.add'; blocker: number; blocked: number; business: boolean; note: string }
  | { kind: 'external.add'; external: number; item: number }
  | { kind: 'external.met'; external: number }
);

interface Edge {
  blocker: number;
  blocked: number;
  business: boolean;
  note: string;
}

const FIBONACCI = [1, 2, 3, 5, 8, 13];
const GENERATED_DEPENDENCIES = 21;
const MOVES = 6;
const TECHNICAL_NOTES = [
  '',
  '',
  'Builds on the API added there.',
  'Shares the new summary component.',
  'Needs its tracking events.',
];

/** The day each item is written: planned work early in its initiative, bugs while it is built. */
function creationDays(items: DemoItem[], initiatives: DemoInitiative[], random: Random): number[] {
  return items.map((item) => {
    const initiative = item.initiative === null ? undefined : initiatives[item.initiative];
    if (!initiative) {
      const latest = item.droppedAfter === null ? -2 : -item.droppedAfter - 2;
      return random.between(-115, latest);
    }
    const [from, to] = initiative.work;
    if (item.lane === 'bug') {
      return random.between(Math.max(from + 4, initiative.createdDay + 1), Math.min(to, -1.5));
    }
    const lo = initiative.createdDay + 0.5;
    const hi = Math.min(from + (to - from) * 0.5, -2);
    return lo + ((hi - lo) * (item.ordinal + random.between(0, 0.8))) / item.of;
  });
}

function closesCycle(edges: Edge[], blocker: number, blocked: number): boolean {
  const graph = edges.map((e) => ({ from: String(e.blocker), to: String(e.blocked) }));
  return findCycle(graph, { from: String(blocker), to: String(blocked) }) !== null;
}

/** The hand-written business dependencies, then technical ones between nearby items of one initiative. */
function chooseDependencies(items: DemoItem[], random: Random): Edge[] {
  const byRef = new Map(items.flatMap((item, index) => (item.ref ? [[item.ref, index] as const] : [])));
  const edges: Edge[] = BUSINESS_DEPENDENCIES.map(({ blocker, blocked, note }) => {
    const from = byRef.get(blocker);
    const to = byRef.get(blocked);
    if (from === undefined || to === undefined) {
      throw new Error(`demo content: no item named ${blocker} or ${blocked}`);
    }
    return { blocker: from, blocked: to, business: true, note };
  });
  const active = (i: number) => items[i]?.droppedAfter === null && !items[i]?.parked;
  const candidates: [number, number][] = [];
  for (const [a, first] of items.entries()) {
    for (const [b, second] of items.entries()) {
      const gap = second.ordinal - first.ordinal;
      const sameInitiative = first.initiative !== null && first.initiative === second.initiative;
      if (sameInitiative && first.lane === 'planned' && second.lane === 'planned' && gap >= 1 && gap <= 3) {
        if (active(a) && active(b)) candidates.push([a, b]);
      }
    }
  }
  let added = 0;
  for (const [blocker, blocked] of random.sample(candidates, candidates.length)) {
    if (added === GENERATED_DEPENDENCIES) break;
    const duplicate = edges.some((e) => e.blocker === blocker && e.blocked === blocked);
    if (duplicate || closesCycle(edges, blocker, blocked)) continue;
    edges.push({ blocker, blocked, business: false, note: random.pick(TECHNICAL_NOTES) });
    added++;
  }
  return edges;
}

/** Items in an order where every blocker comes before what it blocks (ties: the order they were written). */
function blockersFirst(created: number[], edges: Edge[]): number[] {
  const order: number[] = [];
  const waiting = new Map(created.map((_, i) => [i, edges.filter((e) => e.blocked === i).length]));
  const ready = () => [...waiting].filter(([, n]) => n === 0).map(([i]) => i);
  while (waiting.size > 0) {
    const next = ready().sort((a, b) => created[a]! - created[b]!)[0];
    if (next === undefined) throw new Error('demo content: the dependencies form a cycle');
    order.push(next);
    waiting.delete(next);
    for (const edge of edges) {
      if (edge.blocker === next) waiting.set(edge.blocked, (waiting.get(edge.blocked) ?? 1) - 1);
    }
  }
  return order;
}

interface Timeline {
  ready?: number;
  start?: number;
  review?: number;
  done?: number;
}

/** When one item is refined, started, reviewed and finished (days may lie in the future). */
function timeline(
  item: DemoItem,
  initiative: DemoInitiative | undefined,
  created: number,
  blockersDone: number,
  random: Random,
): Timeline {
  if (item.parked || item.droppedAfter !== null) return {};
  let start: number;
  if (item.lane === 'planned' && initiative) {
    const [from, to] = initiative.work;
    start = from + ((to - from) * 0.9 * (item.ordinal + 0.5)) / item.of + random.between(-2, 2);
    if (item.type === 'spike') start = Math.min(start, created + random.between(4, 25));
  } else {
    start = created + (item.lane === 'bug' ? random.between(0.3, 4) : random.between(1, 25));
  }
  start = Math.max(start, created + 1, blockersDone + 0.3);
  const skipReady = item.type === 'bug' && random.chance(0.5);
  const lead = item.lane === 'planned' ? random.between(3, 20) : random.between(0.5, 4);
  const ready = skipReady ? undefined : Math.max(created + 0.2, start - lead);
  // Calendar days per point, review included: a 5 takes about a week from start to done.
  const review = start + 0.5 + (item.estimate ?? 3) * random.between(0.8, 1.5);
  return { ready, start, review, done: review + random.between(0.3, 3) };
}

function itemSteps(index: number, item: DemoItem, created: number, plan: Timeline, random: Random): Step[] {
  const steps: Step[] = [
    { day: created, kind: 'item.create', item: index, estimate: item.estimatedEarly ? item.estimate : null },
  ];
  const update = (day: number, patch: ItemPatch) =>
    steps.push({ day, kind: 'item.update', item: index, patch });
  if (item.droppedAfter !== null) update(created + item.droppedAfter, { status: 'wont_do' });
  const refine = !item.estimatedEarly && item.estimate !== null ? { estimate: item.estimate } : {};
  if (plan.ready !== undefined) update(plan.ready, { status: 'ready', ...refine });
  if (plan.start !== undefined) {
    const assignee = random.chance(0.85) ? { assignee: random.int(0, 3) } : {};
    update(plan.start, { status: 'in_progress', ...assignee, ...(plan.ready === undefined ? refine : {}) });
  }
  if (plan.review !== undefined) {
    const bigger =
      item.estimate !== null && random.chance(0.15)
        ? FIBONACCI.find((n) => n > (item.estimate ?? 0))
        : undefined;
    update(plan.review, {
      status: 'in_review',
      criteriaDone: Math.max(0, item.criteria.length - 1),
      ...(bigger !== undefined && { estimate: bigger }),
    });
  }
  if (plan.done !== undefined) update(plan.done, { status: 'done', criteriaDone: item.criteria.length });
  return steps;
}

function initiativeSteps(index: number, initiative: DemoInitiative, finished: number): Step[] {
  const promoted = initiative.promoted;
  const steps: Step[] = [
    {
      day: initiative.createdDay,
      kind: 'initiative.create',
      initiative: index,
      state: {
        status: initiative.status === 'dropped' ? 'dropped' : 'proposed',
        horizon: promoted?.from.horizon ?? initiative.horizon,
        confidence: promoted?.from.confidence ?? initiative.confidence,
      },
    },
  ];
  if (promoted) {
    const state = { horizon: initiative.horizon, confidence: initiative.confidence };
    steps.push({ day: promoted.day, kind: 'initiative.update', initiative: index, state });
  }
  if (initiative.status === 'active' || initiative.status === 'done') {
    steps.push({
      day: initiative.work[0],
      kind: 'initiative.update',
      initiative: index,
      state: { status: 'active' },
    });
  }
  if (initiative.status === 'done') {
    if (!(finished < 0)) throw new Error(`demo content: ${initiative.ref} is not finished by today`);
    steps.push({
      day: finished + 0.5,
      kind: 'initiative.update',
      initiative: index,
      state: { status: 'done' },
    });
  }
  return steps;
}

/** Every step of the demo's history before today, in time order. */
export function planHistory(items: DemoItem[], initiatives: DemoInitiative[], random: Random): Step[] {
  const created = creationDays(items, initiatives, random);
  const edges = chooseDependencies(items, random);
  const plans = new Map<number, Timeline>();
  for (const index of blockersFirst(created, edges)) {
    const item = items[index]!;
    const blockersDone = Math.max(
      -Infinity,
      ...edges.filter((e) => e.blocked === index).map((e) => plans.get(e.blocker)?.done ?? Infinity),
    );
    const initiative = item.initiative === null ? undefined : initiatives[item.initiative];
    plans.set(index, timeline(item, initiative, created[index]!, blockersDone, random));
  }
  const steps: Step[] = items.flatMap((item, index) =>
    itemSteps(index, item, created[index]!, plans.get(index) ?? {}, random),
  );
  for (const [index, initiative] of initiatives.entries()) {
    const finished = items.flatMap((item, i) =>
      item.initiative === index && item.droppedAfter === null ? [plans.get(i)?.done ?? Infinity] : [],
    );
    steps.push(...initiativeSteps(index, initiative, Math.max(...finished)));
  }
  for (const edge of edges) {
    steps.push({
      day: Math.max(created[edge.blocker]!, created[edge.blocked]!) + random.between(0.05, 1),
      kind: 'dependency.add',
      ...edge,
    });
  }
  const movable = items.flatMap((item, i) =>
    item.lane === 'planned' && item.ordinal >= 2 && item.droppedAfter === null ? [i] : [],
  );
  for (const index of random.sample(movable, MOVES)) {
    const item = items[index]!;
    const target = item.ordinal - random.int(1, 2);
    const before = items.findIndex(
      (other) => other.initiative === item.initiative && other.lane === 'planned' && other.ordinal === target,
    );
    const day = created[index]! + random.between(0.05, 0.5);
    if (before >= 0 && day < (plans.get(index)?.ready ?? plans.get(index)?.start ?? 0)) {
      steps.push({ day, kind: 'item.move', item: index, before });
    }
  }
  for (const [external, dependency] of EXTERNAL_DEPENDENCIES.entries()) {
    const item = items.findIndex((candidate) => candidate.ref === dependency.item);
    if (item < 0) throw new Error(`demo content: no item named ${dependency.item}`);
    const day = created[item]! + random.between(0.3, 2);
    steps.push({ day, kind: 'external.add', external, item });
    if (dependency.met !== undefined) {
      steps.push({ day: Math.max(dependency.met, day + 0.5), kind: 'external.met', external });
    }
  }
  return steps.filter((step) => step.day < 0).sort((a, b) => a.day - b.day);
}

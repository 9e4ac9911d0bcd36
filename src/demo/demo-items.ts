/**
 * Turns the demo's content into its ~150 backlog items: each initiative's stories plus two delivery tasks
 * from the templates, the bugs found along the way, and orphan work, with estimates, labels and criteria
 * chosen by the seeded generator.
 */
import { DEMO_INITIATIVES, type DemoInitiative } from './demo-roadmap.ts';
import { DEMO_STORIES, ORPHAN_STORIES } from './demo-stories.ts';
import { type ItemSeed, parseSeed } from './demo-types.ts';
import {
  BUG_CRITERIA,
  DROPPED,
  INITIATIVE_BUGS,
  ORPHAN_BUGS,
  ORPHAN_WORK,
  PARKED,
  PLATFORMS,
  STORY_CRITERIA,
  TASK_CRITERIA,
  TASK_SUBJECTS,
  TASK_TEMPLATES,
} from './demo-work.ts';
import type { Random } from './random.ts';

export interface DemoItem extends ItemSeed {
  /** Index into DEMO_INITIATIVES; null for orphan work. */
  initiative: number | null;
  /** Planned work is sequenced within its initiative; bugs arrive while it is built; orphans any time. */
  lane: 'planned' | 'bug' | 'orphan';
  /** Position among the initiative's planned items, and how many there are. */
  ordinal: number;
  of: number;
  labels: string[];
  /** The estimate once refined (null: never estimated). */
  estimate: number | null;
  /** Whether the estimate is given when the item is written, or only when it is refined. */
  estimatedEarly: boolean;
  /** Given up this many days after it was written. */
  droppedAfter: number | null;
  /** Nobody picks it up. */
  parked: boolean;
}

const ESTIMATES: Record<ItemSeed['type'], number[]> = {
  story: [1, 2, 2, 3, 3, 3, 5, 5, 5, 8, 8, 13],
  task: [1, 2, 2, 3, 3, 5],
  bug: [1, 1, 2, 2, 3, 5],
  spike: [2, 3, 3, 5],
};

function withCriteria(random: Random, seed: ItemSeed): string[] {
  const own = seed.criteria;
  if (seed.type === 'story') {
    const room = Math.min(2, 4 - own.length);
    return [...own, ...random.sample(STORY_CRITERIA, random.int(0, Math.max(0, room)))];
  }
  if (own.length > 0) return own;
  if (seed.type === 'task') return random.chance(0.5) ? [random.pick(TASK_CRITERIA)] : [];
  if (seed.type === 'bug') return random.sample(BUG_CRITERIA, random.int(0, 2));
  return [];
}

function labelsFor(random: Random, seed: ItemSeed, pool: string[]): string[] {
  const labels = random.sample(pool, random.int(1, 2));
  if (seed.type === 'spike') labels.push('discovery');
  if (seed.type === 'bug' && random.chance(0.3)) labels.push('regression');
  return labels;
}

function bugSeed(random: Random, title: string): ItemSeed {
  return {
    type: 'bug',
    title: title.replace('{platform}', random.pick(PLATFORMS)),
    story: null,
    criteria: [],
  };
}

/** Deals task templates from a shuffled deck, so each is used about as often as the others. */
function templateDeck(random: Random): () => string {
  const deck: string[] = [];
  return () => {
    if (deck.length === 0) deck.push(...random.sample(TASK_TEMPLATES, TASK_TEMPLATES.length));
    return deck.pop()!;
  };
}

/**
 * The planned work of one initiative: its stories with delivery tasks from the templates slotted into the
 * second half (two once work has started, one while it is still being planned).
 */
function plannedSeeds(random: Random, initiative: DemoInitiative, deal: () => string): ItemSeed[] {
  const seeds = (DEMO_STORIES[initiative.ref] ?? []).map(parseSeed);
  const subject = TASK_SUBJECTS[initiative.ref] ?? initiative.ref;
  const templates = new Set([deal()]);
  while (initiative.status !== 'proposed' && templates.size < 2) templates.add(deal());
  for (const template of templates) {
    const title = template.replace('{}', subject);
    const at = random.int(Math.ceil(seeds.length / 2), seeds.length);
    seeds.splice(at, 0, {
      type: 'task',
      title: title[0]!.toUpperCase() + title.slice(1),
      story: null,
      criteria: [],
    });
  }
  return seeds;
}

/** Every demo item, in the order they are listed (not yet in the order they are written). */
export function buildDemoItems(random: Random): DemoItem[] {
  const items: DemoItem[] = [];
  const add = (
    seed: ItemSeed,
    fields: Pick<DemoItem, 'initiative' | 'lane' | 'ordinal' | 'of'>,
    pool: string[],
  ) => {
    const droppedAfter = DROPPED[seed.title] ?? null;
    items.push({
      ...seed,
      ...fields,
      criteria: withCriteria(random, seed),
      labels: labelsFor(random, seed, pool),
      estimate: random.chance(0.02) ? null : random.pick(ESTIMATES[seed.type]),
      estimatedEarly: random.chance(seed.type === 'bug' ? 0.6 : 0.85),
      droppedAfter,
      parked: PARKED.has(seed.title),
    });
  };
  const deal = templateDeck(random);
  for (const [index, initiative] of DEMO_INITIATIVES.entries()) {
    const planned = plannedSeeds(random, initiative, deal);
    for (const [ordinal, seed] of planned.entries()) {
      add(seed, { initiative: index, lane: 'planned', ordinal, of: planned.length }, initiative.labels);
    }
    for (const title of INITIATIVE_BUGS[initiative.ref] ?? []) {
      add(bugSeed(random, title), { initiative: index, lane: 'bug', ordinal: 0, of: 0 }, initiative.labels);
    }
  }
  const orphan = { initiative: null, lane: 'orphan' as const, ordinal: 0, of: 0 };
  for (const line of ORPHAN_STORIES) add(parseSeed(line), orphan, ['web', 'frontend']);
  for (const line of ORPHAN_WORK) add(parseSeed(line), orphan, ['tech-debt', 'backend']);
  for (const title of ORPHAN_BUGS) add(bugSeed(random, title), orphan, ['frontend', 'web']);
  return items;
}

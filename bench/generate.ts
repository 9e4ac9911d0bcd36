/**
 * Generates a realistic product for the benchmarks: an owner with an API token, initiatives, items whose
 * titles and descriptions come from a product vocabulary (so text search has real words to find), and an
 * acyclic dependency graph. Seeded, so both dialects get the same data.
 */
import type { Actor } from '../src/services/context.ts';
import { importDependencies } from '../src/services/dependencies/import-dependencies.ts';
import { type ImportItemInput, importItems } from '../src/services/items/import-items.ts';
import { createInitiative } from '../src/services/planning/initiatives.ts';
import { createProduct } from '../src/services/products/create-product.ts';
import { setupWorkspace } from '../src/services/users/setup-workspace.ts';
import type { Db } from '../src/store/database.ts';

// biome-ignore format: a word list reads best packed
const VERBS = [
  'add', 'allow', 'audit', 'cache', 'clean', 'export', 'fix', 'import', 'improve', 'migrate', 'notify',
  'optimize', 'redesign', 'refactor', 'remove', 'rename', 'replace', 'retry', 'show', 'simplify', 'split',
  'support', 'sync', 'track', 'translate', 'update', 'validate',
];
// biome-ignore format: a word list reads best packed
const ADJECTIVES = [
  'annual', 'archived', 'bulk', 'broken', 'customer', 'daily', 'default', 'draft', 'duplicate', 'empty',
  'expired', 'failed', 'guest', 'internal', 'legacy', 'missing', 'monthly', 'mobile', 'pending', 'public',
  'recurring', 'shared', 'slow', 'stale', 'team', 'trial',
];
// biome-ignore format: a word list reads best packed
const NOUNS = [
  'account', 'avatar', 'backlog', 'banner', 'billing', 'calendar', 'cart', 'checkout', 'coupon', 'dashboard',
  'discount', 'email', 'invoice', 'ledger', 'login', 'newsletter', 'notification', 'onboarding', 'order',
  'password', 'payment', 'permission', 'profile', 'receipt', 'refund', 'report', 'roadmap', 'search',
  'session', 'settings', 'shipment', 'signup', 'subscription', 'tax', 'timezone', 'upload', 'voucher',
  'warehouse', 'webhook', 'wishlist',
];
// biome-ignore format: a word list reads best packed
const QUALIFIERS = [
  'for admins', 'in the api', 'on android', 'on ios', 'in safari', 'after timeout', 'before renewal',
  'during export', 'for enterprise plans', 'with sso', 'in dark mode', 'at month end', 'for new users',
];
// biome-ignore format: a word list reads best packed
const FILLER = [
  'the', 'a', 'user', 'should', 'be', 'able', 'to', 'when', 'page', 'button', 'error', 'data', 'flow',
  'state', 'request', 'response', 'time', 'value', 'list', 'view', 'field', 'form', 'screen', 'status',
  'message', 'link', 'click', 'load', 'save', 'open', 'close', 'check', 'case', 'edge', 'step', 'after',
  'before', 'with', 'without', 'from', 'into', 'on', 'and', 'or', 'not', 'is', 'are', 'it', 'this', 'that',
  'we', 'they', 'see', 'get', 'keep', 'make', 'need', 'works', 'fails', 'today', 'again', 'first', 'last',
];
const LABELS = ['frontend', 'backend', 'mobile', 'ux', 'security', 'performance', 'tech-debt', 'billing'];
// biome-ignore format: a weighted list reads best on one line
const STATUSES = ['backlog', 'backlog', 'backlog', 'backlog', 'ready', 'ready', 'in_progress', 'in_review', 'done', 'done', 'wont_do'] as const;
const TYPES = ['story', 'story', 'story', 'story', 'task', 'task', 'bug', 'bug', 'spike'] as const;
const ESTIMATES = [1, 2, 3, 5, 8, 13, null] as const;

/** Words that appear in generated titles: what the search benchmark looks for. */
export const TITLE_WORDS: readonly string[] = [...VERBS, ...ADJECTIVES, ...NOUNS];

/** mulberry32: a tiny seeded generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface FixtureOptions {
  items: number;
  initiatives: number;
  dependencies: number;
  seed?: number;
}

export interface Fixture {
  token: string;
  actor: Actor;
  productId: string;
  productKey: string;
  /** Ids and keys of the generated items, in rank order. */
  itemIds: string[];
  itemKeys: string[];
  titleWords: readonly string[];
  counts: { items: number; initiatives: number; dependencies: number };
  /** Wall time of importItems for all items, and of importDependencies. */
  importItemsSeconds: number;
  importDependenciesSeconds: number;
}

export function generateItems(count: number, initiativeIds: readonly string[], seed = 1): ImportItemInput[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const sentence = (words: number) => Array.from({ length: words }, () => pick(FILLER)).join(' ');
  return Array.from({ length: count }, () => {
    const type = pick(TYPES);
    const noun = pick(NOUNS);
    const labelCount = Math.floor(next() * 3);
    return {
      type,
      title: `${pick(VERBS)} ${pick(ADJECTIVES)} ${noun} ${pick(QUALIFIERS)}`,
      story:
        type === 'story' && next() < 0.5
          ? { asA: `${pick(ADJECTIVES)} user`, iWant: `to ${pick(VERBS)} my ${noun}`, soThat: sentence(4) }
          : null,
      // Mostly filler words, naming the item's subject once: title words stay as selective as in real text.
      description: `${sentence(10)} ${noun} ${sentence(6)}. ${sentence(10)}.`,
      acceptanceCriteria:
        next() < 0.4
          ? [
              { text: sentence(6), done: false },
              { text: sentence(5), done: next() < 0.3 },
            ]
          : [],
      estimate: pick(ESTIMATES),
      status: pick(STATUSES),
      initiativeId: initiativeIds.length > 0 && next() < 0.7 ? pick(initiativeIds) : null,
      labels: [...new Set(Array.from({ length: labelCount }, () => pick(LABELS)))],
      assigneeId: null,
    };
  });
}

/** `count` distinct blocker → blocked pairs pointing down the rank order (so acyclic), mostly local. */
export function generatePairs(itemIds: readonly string[], count: number, seed = 2) {
  const next = random(seed);
  const n = itemIds.length;
  const wanted = Math.min(count, Math.floor((n * (n - 1)) / 2));
  const seen = new Set<number>();
  const pairs: { blockerId: string; blockedId: string; kind: 'technical' | 'business' }[] = [];
  while (pairs.length < wanted) {
    const from = Math.floor(next() * (n - 1));
    const span = Math.min(n - 1 - from, next() < 0.9 ? 50 : n);
    const to = from + 1 + Math.floor(next() * span);
    const id = from * n + to;
    if (seen.has(id)) continue;
    seen.add(id);
    pairs.push({
      blockerId: itemIds[from]!,
      blockedId: itemIds[to]!,
      kind: next() < 0.8 ? 'technical' : 'business',
    });
  }
  return pairs;
}

/** Sets up the workspace and generates one product of the asked size on a migrated, empty database. */
export async function createFixture(db: Db, options: FixtureOptions): Promise<Fixture> {
  const seed = options.seed ?? 1;
  const { user, token } = await setupWorkspace({
    db,
    input: { email: 'bench@example.com', name: 'Bench Owner', password: 'a long enough timing passphrase' },
  });
  const actor: Actor = { id: user.id, role: 'owner' };
  const product = await createProduct({
    db,
    actor,
    input: { key: 'BEN', name: 'Benchmark product', description: 'Generated by bench/generate.ts' },
  });
  const initiativeIds: string[] = [];
  for (let i = 0; i < options.initiatives; i++) {
    const initiative = await createInitiative({
      db,
      actor,
      productId: product.id,
      input: {
        title: `Initiative ${i + 1}: ${TITLE_WORDS[i % TITLE_WORDS.length]} ${NOUNS[i % NOUNS.length]}`,
        summary: '',
        themeId: null,
        objectiveIds: [],
        horizon: (['now', 'next', 'later'] as const)[i % 3]!,
        startDate: null,
        targetDate: null,
        confidence: 'planned',
        visibility: 'internal',
        publicSummary: '',
        status: 'active',
        successMetrics: [],
      },
    });
    initiativeIds.push(initiative.id);
  }

  const items = generateItems(options.items, initiativeIds, seed);
  let started = performance.now();
  await importItems({ db, actor, productId: product.id, items });
  const importItemsSeconds = (performance.now() - started) / 1000;

  const rows = await db
    .selectFrom('items')
    .select(['id', 'key'])
    .where('product_id', '=', product.id)
    .orderBy('rank')
    .execute();
  const itemIds = rows.map((r) => r.id);
  const pairs = generatePairs(itemIds, options.dependencies, seed + 1);
  started = performance.now();
  await importDependencies({ db, actor, productId: product.id, pairs });
  const importDependenciesSeconds = (performance.now() - started) / 1000;

  return {
    token,
    actor,
    productId: product.id,
    productKey: product.key,
    itemIds,
    itemKeys: rows.map((r) => r.key),
    titleWords: TITLE_WORDS,
    counts: { items: items.length, initiatives: initiativeIds.length, dependencies: pairs.length },
    importItemsSeconds,
    importDependenciesSeconds,
  };
}

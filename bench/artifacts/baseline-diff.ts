/**
 * A roadmap baseline's diff read from the database (issue 14: ≤ 50 ms over 300 initiatives and their
 * events): a product of 300 initiatives and 2,000 items, a baseline, then 3,000 initiative changes after it
 * (moves, new dates, confidence, status: spread over the initiatives, some trashed and some added), by
 * three people, with 3,000 more items imported meanwhile (their events interleave in the log). Timed:
 * the service call (getBaselineDiff: baseline, current initiatives, the events between, the pure diff)
 * against now and against a second baseline, and the changelog, p50/p95 over BENCH_BASELINE_SAMPLES runs
 * (default 50) after 5 warm-ups.
 *
 * Standalone: `node --import tsx bench/artifacts/baseline-diff.ts`. BENCH_DIALECTS (default
 * sqlite,postgres).
 */
import { sql } from 'kysely';
import { createBaseline } from '../../src/services/baselines/baselines.ts';
import { listRoadmapChangelog } from '../../src/services/baselines/changelog.ts';
import { getBaselineDiff } from '../../src/services/baselines/get-baseline-diff.ts';
import type { Actor } from '../../src/services/context.ts';
import { importItems } from '../../src/services/items/import-items.ts';
import {
  createInitiative,
  setInitiativeTrashed,
  updateInitiative,
} from '../../src/services/planning/initiatives.ts';
import { createProduct } from '../../src/services/products/create-product.ts';
import { createUser } from '../../src/services/users/create-user.ts';
import { setupWorkspace } from '../../src/services/users/setup-workspace.ts';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase } from '../databases.ts';
import { generateItems } from '../generate.ts';
import { percentile } from '../http-latency.ts';

const INITIATIVES = 300;
const ITEMS = 2_000;
const CHANGES = 3_000;
const SAMPLES = Number(process.env.BENCH_BASELINE_SAMPLES ?? 50);
const WARMUPS = 5;
const TARGET_MS = 50;

function log(message: string): void {
  console.log(`[bench:baseline-diff ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

const round = (ms: number) => Math.round(ms * 100) / 100;
const HORIZONS = ['now', 'next', 'later'] as const;
const CONFIDENCES = ['committed', 'planned', 'exploratory'] as const;
const STATUSES = ['proposed', 'active', 'done', 'dropped'] as const;

/** A small deterministic generator (mulberry32): the same history every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARMUPS; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: round(percentile(times, 50)), p95: round(percentile(times, 95)) };
}

async function runDialect(dialect: DialectName) {
  const bench = await createBenchDatabase(dialect);
  const db = bench.database.db;
  try {
    const { user } = await setupWorkspace({
      db,
      input: { email: 'bench@example.com', name: 'Bench Owner', password: 'a long enough timing passphrase' },
    });
    const owner: Actor = { id: user.id, role: 'owner' };
    const actors: Actor[] = [owner];
    for (const name of ['Ann', 'Bob']) {
      const created = await createUser({
        db,
        actor: owner,
        input: {
          email: `${name.toLowerCase()}@example.com`,
          name,
          role: 'admin',
          password: 'a long enough password',
        },
      });
      actors.push({ id: created.id, role: 'admin' });
    }
    const product = await createProduct({
      db,
      actor: owner,
      input: { key: 'BSL', name: 'Baselines', description: '' },
    });
    log(`${dialect}: seeding ${INITIATIVES} initiatives and ${ITEMS} items`);
    const ids: string[] = [];
    for (let i = 0; i < INITIATIVES; i++) {
      const created = await createInitiative({
        db,
        actor: owner,
        productId: product.id,
        input: {
          title: `Initiative ${i + 1}`,
          summary: '',
          themeId: null,
          objectiveIds: [],
          horizon: HORIZONS[i % 3] ?? 'now',
          startDate: '2027-01-04',
          targetDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-20`,
          confidence: CONFIDENCES[i % 3] ?? 'planned',
          visibility: 'internal',
          publicSummary: '',
          status: 'active',
          successMetrics: [],
        },
      });
      ids.push(created.id);
    }
    await importItems({ db, actor: owner, productId: product.id, items: generateItems(ITEMS, ids) });
    const baseline = await createBaseline({
      db,
      actor: owner,
      productId: product.id,
      input: { name: 'Q1 plan' },
    });

    log(`${dialect}: ${CHANGES} initiative changes after the baseline`);
    const next = random(7);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T;
    // What each live initiative holds now, so that every change changes something (one event each).
    const live = new Map<string, Record<string, string>>(
      ids.map((id, i) => [
        id,
        {
          horizon: HORIZONS[i % 3] ?? 'now',
          confidence: CONFIDENCES[i % 3] ?? 'planned',
          status: 'active',
          targetDate: '',
        },
      ]),
    );
    const values: Record<string, readonly string[]> = {
      horizon: HORIZONS,
      confidence: CONFIDENCES,
      status: STATUSES,
      targetDate: Array.from({ length: 12 }, (_, m) => `2027-${String(m + 1).padStart(2, '0')}-28`),
    };
    let second = baseline;
    for (let changes = 1; changes <= CHANGES; changes++) {
      const actor = pick(actors);
      const roll = next();
      const id = pick([...live.keys()]);
      if (roll < 0.01) {
        await setInitiativeTrashed({ db, actor, id, trashed: true });
        live.delete(id);
      } else if (roll < 0.02) {
        const created = await createInitiative({
          db,
          actor,
          productId: product.id,
          input: {
            title: `Added ${changes}`,
            summary: '',
            themeId: null,
            objectiveIds: [],
            horizon: 'later',
            startDate: null,
            targetDate: null,
            confidence: 'exploratory',
            visibility: 'internal',
            publicSummary: '',
            status: 'proposed',
            successMetrics: [],
          },
        });
        live.set(created.id, {
          horizon: 'later',
          confidence: 'exploratory',
          status: 'proposed',
          targetDate: '',
        });
      } else {
        const state = live.get(id) ?? {};
        const field = pick(['horizon', 'targetDate', 'confidence', 'status'] as const);
        const value = pick((values[field] ?? []).filter((v) => v !== state[field]));
        state[field] = value;
        await updateInitiative({ db, actor, id, input: { [field]: value } });
      }
      // The backlog moves on meanwhile: item events interleave with the roadmap's in the log.
      if (changes % 1_000 === 0) {
        await importItems({
          db,
          actor: owner,
          productId: product.id,
          items: generateItems(ITEMS / 2, [...live.keys()], changes),
        });
      }
      if (changes === CHANGES / 2) {
        second = await createBaseline({
          db,
          actor: owner,
          productId: product.id,
          input: { name: 'Q2 plan' },
        });
      }
    }
    if (dialect === 'postgres') await sql`analyze`.execute(db);
    const initiativeEvents = await db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('product_id', '=', product.id)
      .where('entity_type', '=', 'initiative')
      .where('id', '>', baseline.asOf)
      .executeTakeFirstOrThrow();

    const diff = await getBaselineDiff({ db, actor: owner, id: baseline.id, against: 'now' });
    const againstNow = await timed(() =>
      getBaselineDiff({ db, actor: owner, id: baseline.id, against: 'now' }),
    );
    const againstBaseline = await timed(() =>
      getBaselineDiff({ db, actor: owner, id: baseline.id, against: second.id }),
    );
    const changelog = await timed(() => listRoadmapChangelog(db, product.id, 200));
    return {
      dialect,
      initiatives: INITIATIVES,
      items: ITEMS,
      eventsAfterBaseline: Number(initiativeEvents.n),
      diff: { added: diff.added.length, removed: diff.removed.length, changes: diff.changes.length },
      samples: SAMPLES,
      againstNow,
      againstBaseline,
      changelog,
      targetMs: TARGET_MS,
    };
  } finally {
    await bench.drop();
  }
}

const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[];
const results = [];
for (const dialect of dialects) {
  const result = await runDialect(dialect);
  log(JSON.stringify(result));
  results.push(result);
}
const slow = results.filter((r) => r.againstNow.p50 > TARGET_MS || r.againstBaseline.p50 > TARGET_MS);
if (slow.length > 0) {
  console.error(`baseline diff p50 over ${TARGET_MS} ms on ${slow.map((r) => r.dialect).join(', ')}`);
  process.exitCode = 1;
}

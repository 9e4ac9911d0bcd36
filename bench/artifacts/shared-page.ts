/**
 * The shared customer roadmap page over HTTP (issue 14: ≤ 30 ms p50): a product of 300 initiatives (a
 * third public, some exploring, with Markdown public summaries) and 2,000 items, served by the built
 * server in its own process (`node dist/cairn.js serve`, as `npm start` runs it). GET /share/<token>
 * without any credential, on one keep-alive connection:
 * - warm: BENCH_SHARE_SAMPLES requests (default 500) after one warm-up, p50/p95;
 * - cold: the first request after a change to the roadmap (an initiative edited: one event), 30 times.
 *
 * Standalone: `node scripts/build.js && node --import tsx bench/artifacts/shared-page.ts`.
 * BENCH_DIALECTS (default sqlite; sqlite,postgres for both).
 */
import http from 'node:http';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase } from '../databases.ts';
import { createClient, percentile } from '../http-latency.ts';
import { spawnServer } from '../startup.ts';

const INITIATIVES = 300;
const ITEMS = 2_000;
const SAMPLES = Number(process.env.BENCH_SHARE_SAMPLES ?? 500);
const COLD_SAMPLES = 30;
const TARGET_P50_MS = 30;

function log(message: string): void {
  console.log(`[bench:shared-page ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

/** GET of a page without credentials on `agent`; resolves with the status and the time to the last byte. */
function getPage(
  agent: http.Agent,
  base: URL,
  path: string,
): Promise<{ status: number; ms: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ agent, host: base.hostname, port: base.port, method: 'GET', path }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, bytes }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const round = (ms: number) => Math.round(ms * 100) / 100;

async function runDialect(dialect: DialectName) {
  const bench = await createBenchDatabase(dialect);
  await bench.close();
  const server = await spawnServer(bench.location);
  try {
    const setup = createClient(server.url, '');
    const owner = JSON.parse(
      await setup.expect(201, 'POST', '/setup', {
        email: 'bench@example.com',
        name: 'Bench Owner',
        password: 'correct horse battery staple',
      }),
    ) as { token: string };
    setup.close();
    const api = createClient(server.url, owner.token);
    const product = JSON.parse(await api.expect(201, 'POST', '/products', { key: 'SHR', name: 'Share' })) as {
      id: string;
    };
    log(`${dialect}: seeding ${INITIATIVES} initiatives and ${ITEMS} items`);
    const initiativeIds: string[] = [];
    for (let i = 0; i < INITIATIVES; i++) {
      const created = JSON.parse(
        await api.expect(201, 'POST', `/products/${product.id}/initiatives`, {
          title: `Initiative ${i + 1}: ${['Offline mode', 'Faster search', 'Team spaces', 'Audit log'][i % 4]}`,
          summary: `Internal notes on initiative ${i + 1}, with **Markdown** and a [link](https://example.com).`,
          publicSummary:
            i % 3 === 0
              ? `What customers get from initiative ${i + 1}: *less waiting*, fewer clicks, and [details](https://example.com/${i}).`
              : '',
          visibility: i % 3 === 0 ? 'public' : 'internal',
          horizon: (['now', 'next', 'later'] as const)[Math.floor(i / 3) % 3],
          confidence: (['committed', 'planned', 'exploratory'] as const)[Math.floor(i / 2) % 3],
          targetDate: `2027-${String((i % 12) + 1).padStart(2, '0')}-15`,
          successMetrics: ['Activation', 'Retention'],
        }),
      ) as { id: string };
      initiativeIds.push(created.id);
    }
    for (let i = 0; i < ITEMS; i++) {
      await api.expect(201, 'POST', `/products/${product.id}/items`, {
        title: `Item ${i + 1}`,
        initiativeId: initiativeIds[i % INITIATIVES],
        estimate: (i % 5) + 1,
      });
    }
    const link = JSON.parse(
      await api.expect(201, 'POST', `/products/${product.id}/share-links`, { view: 'customer' }),
    ) as { url: string };
    const path = new URL(link.url).pathname;
    const base = new URL(server.url);
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });

    const first = await getPage(agent, base, path);
    if (first.status !== 200) throw new Error(`GET ${path} answered ${first.status}`);
    const warm: number[] = [];
    for (let i = 0; i < SAMPLES; i++) warm.push((await getPage(agent, base, path)).ms);
    const cold: number[] = [];
    const publicId = initiativeIds[0] ?? '';
    for (let i = 0; i < COLD_SAMPLES; i++) {
      await api.expect(200, 'PATCH', `/initiatives/${publicId}`, { title: `Initiative 1: edited ${i}` });
      cold.push((await getPage(agent, base, path)).ms);
    }
    const missing = await getPage(agent, base, `/share/${'A'.repeat(43)}`);
    agent.destroy();
    api.close();
    warm.sort((a, b) => a - b);
    cold.sort((a, b) => a - b);
    return {
      dialect,
      initiatives: INITIATIVES,
      publicInitiatives: Math.ceil(INITIATIVES / 3),
      items: ITEMS,
      pageBytes: first.bytes,
      warm: { samples: SAMPLES, p50: round(percentile(warm, 50)), p95: round(percentile(warm, 95)) },
      cold: { samples: COLD_SAMPLES, p50: round(percentile(cold, 50)), p95: round(percentile(cold, 95)) },
      notFoundMs: round(missing.ms),
      targetP50: TARGET_P50_MS,
    };
  } finally {
    await server.stop();
    await bench.drop();
  }
}

const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite').split(',') as DialectName[];
const results = [];
for (const dialect of dialects) {
  const result = await runDialect(dialect);
  log(JSON.stringify(result));
  results.push(result);
}
const slow = results.filter((r) => r.warm.p50 > TARGET_P50_MS);
if (slow.length > 0) {
  console.error(`shared page p50 over ${TARGET_P50_MS} ms on ${slow.map((r) => r.dialect).join(', ')}`);
  process.exitCode = 1;
}

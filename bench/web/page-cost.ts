/**
 * What the page of an address costs the server, with and without its first paint:
 * `node --import tsx bench/web/page-cost.ts` (after `node scripts/build.js`). 2,000 items (WEB_BENCH_ITEMS),
 * WEB_BENCH_RUNS (500) sequential GETs of each page on one keep-alive connection, as the signed-in owner
 * (first paint) and signed out (the plain page), gzip accepted as a browser would; p50 and p95 in ms.
 */
import { spawnServer } from '../startup.ts';
import { OWNER, seedWebBench } from './seed.ts';
import { summarize } from './stats.ts';

const ITEMS = Number(process.env.WEB_BENCH_ITEMS ?? 2_000);
const RUNS = Number(process.env.WEB_BENCH_RUNS ?? 500);

const { bench, fixture } = await seedWebBench(ITEMS, 300);
await bench.close();
const server = await spawnServer(bench.location);
try {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify(OWNER),
  });
  const cookie = /cairn_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  if (!cookie) throw new Error(`login failed: ${login.status}`);
  const key = fixture.itemKeys[Math.floor(fixture.itemKeys.length / 2)];
  console.log(`page cost: ${ITEMS} items, ${RUNS} requests each, one at a time`);
  for (const path of [`/p/${fixture.productKey}/backlog`, `/${key}`, `/p/${fixture.productKey}/roadmap`]) {
    for (const who of ['signed in', 'signed out'] as const) {
      const headers: Record<string, string> = { accept: 'text/html', 'accept-encoding': 'gzip, br' };
      if (who === 'signed in') headers.cookie = cookie;
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS + 50; i++) {
        const started = performance.now();
        const response = await fetch(`${server.url}${path}`, { headers });
        const body = await response.arrayBuffer();
        if (i >= 50) times.push(performance.now() - started);
        bytes = body.byteLength;
      }
      const s = summarize(times);
      console.log(
        `${path.padEnd(22)} ${who.padEnd(10)} p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  ${(bytes / 1024).toFixed(1)} kB (decoded)`,
      );
    }
  }
} finally {
  await server.stop();
  await bench.drop();
}

/**
 * `npm run bench:webhooks` (and the end of `npm run bench`): webhook fan-out (issue 15: ≤ 5 s). One product
 * with 100 webhooks, each to its own receiver on loopback (allowed by the bench-only setting
 * CAIRN_WEBHOOKS_ALLOW_PRIVATE=1), served by a real server (startServer, with its delivery worker); one
 * event (an item created over HTTP) → the time until all 100 receivers have their delivery, each exactly
 * once. BENCH_DIALECTS (default sqlite,postgres); BENCH_WEBHOOK_RUNS events per dialect (default 3).
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { loadConfig } from '../../src/config.ts';
import { startServer } from '../../src/server.ts';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase } from '../databases.ts';

const ENDPOINTS = 100;
const RUNS = Number(process.env.BENCH_WEBHOOK_RUNS ?? 3);
const TARGET_MS = 5_000;
/** Gives up on a run after this long (a failure, reported as such). */
const GIVE_UP_MS = 30_000;

function log(message: string): void {
  console.log(`[bench:webhooks ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

interface Receivers {
  urls: string[];
  /** Deliveries received per receiver, by X-Cairn-Delivery. */
  counts: number[];
  arrived: () => number;
  /** Resolves when every receiver has at least one delivery since `reset`. */
  allArrived(): Promise<void>;
  reset(): void;
  close(): Promise<void>;
}

async function startReceivers(count: number): Promise<Receivers> {
  const servers: Server[] = [];
  const counts = new Array<number>(count).fill(0);
  let waiting: (() => void) | null = null;
  const arrived = () => counts.filter((n) => n > 0).length;
  for (let i = 0; i < count; i++) {
    const server = createServer((request, response) => {
      request.resume();
      request.on('end', () => {
        counts[i] = (counts[i] ?? 0) + 1;
        response.end('ok');
        if (arrived() === count) waiting?.();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
  }
  return {
    urls: servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`),
    counts,
    arrived,
    allArrived: () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`only ${arrived()} of ${count} arrived`)),
          GIVE_UP_MS,
        );
        waiting = () => {
          clearTimeout(timer);
          resolve();
        };
        if (arrived() === count) waiting();
      }),
    reset: () => counts.fill(0),
    close: async () => {
      for (const server of servers) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

async function runDialect(dialect: DialectName) {
  const bench = await createBenchDatabase(dialect);
  await bench.close();
  const config = loadConfig(
    { port: 0, host: '127.0.0.1', data: bench.location.dataDir, databaseUrl: bench.location.databaseUrl },
    { ...process.env, CAIRN_WEBHOOKS_ALLOW_PRIVATE: '1', CAIRN_WEB_ROOT: 'none' },
  );
  const server = await startServer(config, () => {});
  const receivers = await startReceivers(ENDPOINTS);
  try {
    let token = '';
    const call = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${server.url}/api/v1${path}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const json = (await response.json()) as Record<string, unknown>;
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    };
    const setup = await call('POST', '/setup', {
      email: 'bench@example.com',
      name: 'Bench',
      password: 'a long enough password',
    });
    token = String(setup.token);
    const product = await call('POST', '/products', { key: 'HOOK', name: 'Fan-out' });
    for (const url of receivers.urls) {
      await call('POST', `/products/${product.id}/webhooks`, { url, eventTypes: ['item.created'] });
    }
    const runs: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      receivers.reset();
      const started = performance.now();
      await call('POST', `/products/${product.id}/items`, { title: `Fan-out ${run}` });
      await receivers.allArrived();
      runs.push(Math.round(performance.now() - started));
      // Late duplicates would show here.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const extra = receivers.counts.filter((n) => n !== 1).length;
      if (extra > 0) throw new Error(`${extra} receivers got more than one delivery`);
    }
    const worst = Math.max(...runs);
    log(
      `${dialect}: ${ENDPOINTS} deliveries of one event in ${runs.join(', ')} ms (target ≤ ${TARGET_MS} ms)`,
    );
    return { dialect, endpoints: ENDPOINTS, runsMs: runs, worstMs: worst, pass: worst <= TARGET_MS };
  } finally {
    await receivers.close();
    await server.close();
    await bench.drop();
  }
}

export async function benchWebhooks() {
  const dialects = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[];
  const results = [];
  for (const dialect of dialects) results.push(await runDialect(dialect));
  console.log(JSON.stringify({ bench: 'webhooks', targetMs: TARGET_MS, results }, null, 2));
  return results;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const results = await benchWebhooks();
  if (results.some((result) => !result.pass)) process.exitCode = 1;
}

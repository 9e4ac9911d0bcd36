/**
 * Per-request latency over real HTTP on loopback: one keep-alive connection, requests one after another,
 * a warm-up first, then a timed sample of each operation.
 */
import http from 'node:http';
import type { Fixture } from './generate.ts';

export interface HttpResponse {
  status: number;
  body: string;
}

export interface HttpClient {
  request(method: string, path: string, body?: unknown): Promise<HttpResponse>;
  /** A request that must answer `expected`; anything else stops the benchmark (no timing of errors). */
  expect(expected: number, method: string, path: string, body?: unknown): Promise<string>;
  close(): void;
}

/** A JSON client for `baseUrl` (http://host:port) that sends the API token on every request. */
export function createClient(baseUrl: string, token: string, sockets = 1): HttpClient {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const request = (method: string, path: string, body?: unknown) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = { authorization: `Bearer ${token}` };
      if (payload !== undefined) {
        headers['content-type'] = 'application/json';
        headers['content-length'] = String(Buffer.byteLength(payload));
      }
      const req = http.request(
        { agent, host: url.hostname, port: url.port, method, path: `/api/v1${path}`, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    request,
    async expect(expected, method, path, body) {
      const response = await request(method, path, body);
      if (response.status !== expected) {
        throw new Error(`${method} ${path} answered ${response.status}: ${response.body.slice(0, 300)}`);
      }
      return response.body;
    },
    close: () => agent.destroy(),
  };
}

export interface LatencyStats {
  samples: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of ascending `sorted` values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(durations: readonly number[]): LatencyStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  return {
    samples: sorted.length,
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? Number.NaN),
    mean: round(sorted.reduce((sum, d) => sum + d, 0) / Math.max(1, sorted.length)),
  };
}

/** Runs `operation(i)` `warmup` times untimed, then `samples` times timed (milliseconds). */
export async function timeOperation(
  samples: number,
  warmup: number,
  operation: (i: number) => Promise<unknown>,
): Promise<LatencyStats> {
  for (let i = 0; i < warmup; i++) await operation(i);
  const durations: number[] = [];
  for (let i = 0; i < samples; i++) {
    const start = performance.now();
    await operation(warmup + i);
    durations.push(performance.now() - start);
  }
  return summarize(durations);
}

export type Operation = 'getItem' | 'listFirstPage' | 'createItem' | 'patchItem' | 'moveItem';
export const OPERATIONS: readonly Operation[] = [
  'getItem',
  'listFirstPage',
  'createItem',
  'patchItem',
  'moveItem',
];

/** A deterministic pseudo-random item picker, so runs on both dialects touch the same items. */
function picker(count: number, seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state % count;
  };
}

/** p50/p99 of each operation against the product of `fixture`. */
export async function measureLatency(
  client: HttpClient,
  fixture: Fixture,
  options: { samples: number; warmup: number; operations?: readonly Operation[] },
): Promise<Partial<Record<Operation, LatencyStats>>> {
  const { itemIds, itemKeys, productId, titleWords } = fixture;
  const next = picker(itemIds.length, 42);
  const words = (i: number) =>
    `${titleWords[i % titleWords.length]} ${titleWords[(i * 7 + 3) % titleWords.length]}`;
  const run: Record<Operation, (i: number) => Promise<unknown>> = {
    getItem: () => client.expect(200, 'GET', `/items/${itemKeys[next()]}`),
    listFirstPage: () => client.expect(200, 'GET', `/products/${productId}/items?status=backlog&limit=100`),
    createItem: (i) =>
      client.expect(201, 'POST', `/products/${productId}/items`, {
        title: `Benchmark ${words(i)} ${i}`,
        labels: ['bench'],
      }),
    // A title that is new every time, so every PATCH really writes (and re-indexes the text).
    patchItem: (i) =>
      client.expect(200, 'PATCH', `/items/${itemIds[next()]}`, { title: `Reworded ${words(i)} ${i}` }),
    moveItem: () => {
      const id = itemIds[next()]!;
      let after = itemIds[next()]!;
      if (after === id) after = itemIds[(itemIds.indexOf(id) + 1) % itemIds.length]!;
      return client.expect(200, 'POST', `/items/${id}/move`, { afterId: after });
    },
  };
  const results: Partial<Record<Operation, LatencyStats>> = {};
  for (const operation of options.operations ?? OPERATIONS) {
    results[operation] = await timeOperation(options.samples, options.warmup, run[operation]);
  }
  return results;
}

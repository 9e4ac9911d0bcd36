/**
 * The writes an outside client makes, one keep-alive connection, one request at a time: set up a workspace
 * on an empty server, then create `items` items (a 240-character description, a label and an initiative)
 * after 200 untimed ones, and update each of them once.
 */
import http from 'node:http';
import { percentile } from '../http-latency.ts';

export interface WriteStats {
  /** Timed requests over the sum of their durations. */
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}

export interface ClientRun {
  items: number;
  create: WriteStats;
  update: WriteStats;
}

const WARMUP = 200;

/** 240 characters of product prose, different for each item. */
function description(i: number): string {
  const text =
    `Item ${i}: returning shoppers should find their basket, saved addresses and the delivery slot they ` +
    'chose last time, without signing in again on the same device. Measure drop-off at the payment step.';
  return text.padEnd(240, ' Details follow.').slice(0, 240);
}

function stats(durations: number[]): WriteStats {
  const sorted = [...durations].sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 1000) / 1000;
  const totalMs = sorted.reduce((sum, d) => sum + d, 0);
  return {
    perSecond: Math.round((sorted.length * 1000) / totalMs),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
  };
}

export async function driveWrites(baseUrl: string, items: number): Promise<ClientRun> {
  if (!Number.isInteger(items) || items <= 0 || items > 100_000) throw new Error('items: 1–100000');
  const base = new URL(baseUrl);
  // node:http's Agent as a client would use it: keep-alive, one socket, no socket options of our own.
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let token = '';

  const call = (method: string, path: string, body?: unknown) =>
    new Promise<{ status: number; text: string }>((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const headers: Record<string, string> = {};
      if (token) headers.authorization = `Bearer ${token}`;
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const req = http.request(
        { agent, host: base.hostname, port: base.port, method, path: `/api/v1${path}`, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  const expect = async <T>(status: number, method: string, path: string, body?: unknown): Promise<T> => {
    const response = await call(method, path, body);
    if (response.status !== status) {
      throw new Error(`${method} ${path}: ${response.status} ${response.text.slice(0, 300)}`);
    }
    return JSON.parse(response.text) as T;
  };

  try {
    token = (
      await expect<{ token: string }>(201, 'POST', '/setup', {
        email: 'bench@example.com',
        name: 'Bench Owner',
        password: 'a long enough password',
      })
    ).token;
    const product = await expect<{ id: string }>(201, 'POST', '/products', { key: 'BEN', name: 'Bench' });
    const initiative = await expect<{ id: string }>(201, 'POST', `/products/${product.id}/initiatives`, {
      title: 'Faster checkout',
    });

    const ids: string[] = [];
    const createMs: number[] = [];
    for (let i = 0; i < WARMUP + items; i++) {
      const started = performance.now();
      const item = await expect<{ id: string }>(201, 'POST', `/products/${product.id}/items`, {
        title: `Checkout improvement ${i}`,
        description: description(i),
        labels: ['checkout'],
        initiativeId: initiative.id,
      });
      if (i >= WARMUP) {
        createMs.push(performance.now() - started);
        ids.push(item.id);
      }
    }
    const updateMs: number[] = [];
    for (const [i, id] of ids.entries()) {
      const started = performance.now();
      await expect(200, 'PATCH', `/items/${id}`, { title: `Checkout improvement ${i}, reworded` });
      updateMs.push(performance.now() - started);
    }
    return { items, create: stats(createMs), update: stats(updateMs) };
  } finally {
    agent.destroy();
  }
}

/**
 * Writes as an outside client sees them: `node dist/cairn.js serve` on a fresh SQLite data folder, and
 * bench/http-client/client.ts in a process of its own creating and updating items one request at a time
 * on one keep-alive connection. Each run starts from an empty database.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnServer } from '../startup.ts';
import type { ClientRun, WriteStats } from './drive-writes.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DATA_ROOT = join(ROOT, '.bench-data');
const CLIENT = fileURLToPath(new URL('./client.ts', import.meta.url));

export interface ClientWritesResult {
  items: number;
  runs: ClientRun[];
  /** The median run of each figure, taken separately. */
  median: { create: WriteStats; update: WriteStats };
}

function runClient(url: string, items: number): Promise<ClientRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLIENT], {
    cwd: ROOT,
    env: { ...process.env, CAIRN_URL: url, CLIENT_ITEMS: String(items) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`http client exited with ${code}:\n${stderr}`));
      else resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ClientRun);
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

function medianStats(stats: WriteStats[]): WriteStats {
  return {
    perSecond: median(stats.map((s) => s.perSecond)),
    p50: median(stats.map((s) => s.p50)),
    p95: median(stats.map((s) => s.p95)),
    p99: median(stats.map((s) => s.p99)),
  };
}

function summary(items: number, runs: ClientRun[]): ClientWritesResult {
  return {
    items,
    runs,
    median: {
      create: medianStats(runs.map((r) => r.create)),
      update: medianStats(runs.map((r) => r.update)),
    },
  };
}

/** One run against a new server of the build in `root` (its dist/cairn.js) on a new database. */
async function measureOnce(root: string, items: number): Promise<ClientRun> {
  const dataDir = mkdtempSync(join(DATA_ROOT, 'client-'));
  const server = await spawnServer({ dataDir }, root);
  try {
    return await runClient(server.url, items);
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `runs` runs of `items` creates then `items` updates, each against a new server on a new database. With
 * `roots` (checkouts with a built dist/), the runs alternate between their builds, one run of each per
 * round, so that a comparison sees the same machine load: one result per root.
 */
export async function measureClientWrites(options: {
  runs: number;
  items: number;
}): Promise<ClientWritesResult>;
export async function measureClientWrites(options: {
  runs: number;
  items: number;
  roots: string[];
}): Promise<ClientWritesResult[]>;
export async function measureClientWrites(options: {
  runs: number;
  items: number;
  roots?: string[];
}): Promise<ClientWritesResult | ClientWritesResult[]> {
  mkdirSync(DATA_ROOT, { recursive: true });
  const roots = options.roots ?? [ROOT];
  const runs: ClientRun[][] = roots.map(() => []);
  for (let run = 0; run < options.runs; run++) {
    for (const [i, root] of roots.entries()) runs[i]?.push(await measureOnce(root, options.items));
  }
  const results = runs.map((each) => summary(options.items, each));
  return options.roots ? results : (results[0] as ClientWritesResult);
}

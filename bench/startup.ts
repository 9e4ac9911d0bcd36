/**
 * Server start to ready, the way an operator starts it: `node bin/cairn.js serve`, timed from spawn until
 * GET /api/v1/health answers 200. A probe process splits the time into Node boot, tsx registration,
 * module imports and opening/migrating/listening. Also reads a process's resident memory.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where the server's data lives: a SQLite data folder or a PostgreSQL URL. */
export interface ServerLocation {
  dataDir?: string | undefined;
  databaseUrl?: string | undefined;
}

export interface SpawnedServer {
  pid: number;
  url: string;
  /** Milliseconds from spawn until the first 200 from /api/v1/health. */
  readyMs: number;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function healthStatus(url: string): Promise<number> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/api/v1/health`, { agent: false, timeout: 1_000 }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

function environment(location: ServerLocation): NodeJS.ProcessEnv {
  // An empty DATABASE_URL means SQLite to loadConfig; never inherit the caller's.
  return { ...process.env, DATABASE_URL: location.databaseUrl ?? '' };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Spawns `node dist/cairn.js serve` (what `npm start` runs) on a free port and waits until it is healthy.
 * `root` is the checkout whose build runs (this one unless given: an A/B run names another).
 */
export async function spawnServer(location: ServerLocation, root = ROOT): Promise<SpawnedServer> {
  const port = await freePort();
  const args = ['dist/cairn.js', 'serve', '--host', '127.0.0.1', '--port', String(port)];
  if (location.dataDir) args.push('--data', location.dataDir);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: root, env: environment(location) });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`cairn serve exited with ${child.exitCode}:\n${output}`);
    if ((await healthStatus(url)) === 200) break;
    if (performance.now() - started > 60_000) {
      await stopChild(child);
      throw new Error(`cairn serve was not healthy within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const readyMs = performance.now() - started;
  return { pid: child.pid ?? 0, url, readyMs, stop: () => stopChild(child) };
}

/** Resident set size of a process in MiB (VmRSS from /proc/<pid>/status). */
export function residentMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmRSS for process ${pid}`);
  return Number(match[1]) / 1024;
}

export interface StartupBreakdown {
  /** `node dist/cairn.js --version`, whole process: Node's boot plus loading the bundle (median of 3). */
  bootAndLoadMs: number;
  /** openDatabase + migrateToLatest on the already-migrated database, then closing it. */
  openAndMigrateMs: number;
  /** startServer: open, migrate, build the Hono app with its OpenAPI routes, listen. */
  startServerMs: number;
}

// Times the server's own start-up steps (the same code the bundle runs; loaded here through tsx).
const PROBE = `
const { register } = await import('tsx/esm/api');
register();
const { loadConfig } = await import('./src/config.ts');
const { startServer } = await import('./src/server.ts');
const { openDatabase } = await import('./src/store/database.ts');
const { migrateToLatest } = await import('./src/store/migrate.ts');
const t2 = performance.now();
const config = loadConfig({ port: 0, host: '127.0.0.1', data: process.env.PROBE_DATA || undefined });
const database = openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
await migrateToLatest(database.db);
await database.close();
const t3 = performance.now();
const server = await startServer(config, () => {});
const t4 = performance.now();
await server.close();
console.log(JSON.stringify({ openAndMigrateMs: t3 - t2, startServerMs: t4 - t3 }));
`;

/** Runs the probe once in a fresh process against the same database. */
export async function probeStartup(location: ServerLocation): Promise<StartupBreakdown> {
  const child = spawn(process.execPath, ['--input-type=module', '-e', PROBE], {
    cwd: ROOT,
    env: { ...environment(location), PROBE_DATA: location.dataDir ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`startup probe failed (${code}):\n${stderr}`);
  const round = (ms: number) => Math.round(ms);
  const parsed = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as StartupBreakdown;
  const versions: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    spawnSync(process.execPath, ['dist/cairn.js', '--version'], { cwd: ROOT });
    versions.push(performance.now() - started);
  }
  versions.sort((a, b) => a - b);
  return {
    bootAndLoadMs: round(versions[1] ?? 0),
    openAndMigrateMs: round(parsed.openAndMigrateMs),
    startServerMs: round(parsed.startServerMs),
  };
}

/**
 * Server start to ready, the way an operator starts it: `node bin/cairn.js serve`, timed from spawn until
 * GET /api/v1/health answers 200. A probe process splits the time into Node boot, tsx registration,
 * module imports and opening/migrating/listening. Also reads a process's resident memory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
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

/** Spawns `node bin/cairn.js serve` on a free port and waits until it is healthy. */
export async function spawnServer(location: ServerLocation): Promise<SpawnedServer> {
  const port = await freePort();
  const args = ['bin/cairn.js', 'serve', '--host', '127.0.0.1', '--port', String(port)];
  if (location.dataDir) args.push('--data', location.dataDir);
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: environment(location) });
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
  /** Node's own boot until the first line of the probe ran. */
  nodeBootMs: number;
  /** tsx's register(): loading the TypeScript loader hooks. */
  tsxRegisterMs: number;
  /** Importing the CLI's module graph (what bin/cairn.js loads before it parses argv). */
  importModulesMs: number;
  /** openDatabase + migrateToLatest on the already-migrated database, then closing it. */
  openAndMigrateMs: number;
  /** startServer: open, migrate, build the Hono app with its OpenAPI routes, listen. */
  startServerMs: number;
}

// Mirrors bin/cairn.js and src/cli/main.ts step by step, timing each one.
const PROBE = `
const t0 = performance.now();
const { register } = await import('tsx/esm/api');
register();
const t1 = performance.now();
for (const m of ['serve', 'migrate', 'demo', 'users', 'tokens']) await import('./src/cli/' + m + '-command.ts');
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
console.log(JSON.stringify({ nodeBootMs: t0, tsxRegisterMs: t1 - t0, importModulesMs: t2 - t1,
  openAndMigrateMs: t3 - t2, startServerMs: t4 - t3 }));
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
  return {
    nodeBootMs: round(parsed.nodeBootMs),
    tsxRegisterMs: round(parsed.tsxRegisterMs),
    importModulesMs: round(parsed.importModulesMs),
    openAndMigrateMs: round(parsed.openAndMigrateMs),
    startServerMs: round(parsed.startServerMs),
  };
}

/**
 * Process-level durability: the real server runs as a child process (`cairn serve --port 0`) on a fresh
 * database, takes a write load, and is killed with SIGKILL mid-load. Restarted on the same database it must
 * still hold every write it acknowledged with a 2xx, with no half-applied transaction, and serve normally.
 * SIGTERM must stop it cleanly (exit 0) within a few seconds, even with requests in flight.
 */
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Body } from './support/api.ts';
import { createTestDatabase, DIALECTS, type TestDatabase } from './support/databases.ts';

const BIN = join(import.meta.dirname, '..', 'bin', 'cairn.js');
const LISTENING = /Cairn \S+ listening on (http:\/\/\S+) \(database: [^)]+\)/;

interface Server {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const children = new Set<ChildProcess>();

/** Starts `cairn serve --port 0` and resolves once it logs the URL it listens on. */
function startServer(args: string[], env: Record<string, string>): Promise<Server> {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      children.delete(child);
      resolve({ code, signal });
    });
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 30 s:\n${output}`)), 30_000);
    const onData = () => {
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout?.off('data', onData);
        resolve({ child, url: match[1], output: () => output, exited });
      }
    };
    child.stdout?.on('data', onData);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
}

/**
 * Fails when `promise` takes longer than `ms`. The timer is cleared once it settles: a pending one would
 * keep this test process alive for the rest of its `ms` after the last test (10 s of every run).
 */
async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

interface Reply {
  status: number;
  body: Body;
}

function client(url: string, token?: string) {
  return async (method: string, path: string, body?: unknown): Promise<Reply> => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  };
}

type Call = ReturnType<typeof client>;

interface Acknowledged {
  version: number;
  title: string;
}

/**
 * Several concurrent loops creating, editing and moving items until `stop()` or until the server stops
 * answering. Every 2xx is recorded (the highest version seen per item); any other answer is an error.
 */
function writeLoad(call: Call, productId: string, loops: number) {
  const acknowledged = new Map<string, Acknowledged>();
  const unexpected: string[] = [];
  let stopped = false;
  const ack = (item: Body) => {
    const known = acknowledged.get(item.id);
    if (!known || item.version > known.version) {
      acknowledged.set(item.id, { version: item.version, title: item.title });
    }
  };
  const expect = (reply: Reply, status: number, what: string): boolean => {
    if (reply.status === status) return true;
    unexpected.push(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    return false;
  };
  const loop = async (n: number) => {
    for (let i = 0; !stopped; i++) {
      try {
        const title = `loop ${n} item ${i}`;
        const created = await call('POST', `/products/${productId}/items`, { title });
        if (!expect(created, 201, 'create')) continue;
        ack(created.body);
        const patched = await call('PATCH', `/items/${created.body.id}`, {
          title: `${title} edited`,
          estimate: i,
        });
        if (expect(patched, 200, 'patch')) ack(patched.body);
        const ids = [...acknowledged.keys()];
        if (ids.length > 2) {
          const anchor = ids[(i * 7 + n) % ids.length]!;
          if (anchor !== created.body.id) {
            const moved = await call('POST', `/items/${created.body.id}/move`, { beforeId: anchor });
            if (expect(moved, 200, 'move')) ack(moved.body);
          }
        }
      } catch {
        // The server went away mid-request: this loop is done; nothing unacknowledged is counted.
        return;
      }
    }
  };
  const running = Promise.all(Array.from({ length: loops }, (_, n) => loop(n)));
  return {
    acknowledged,
    unexpected,
    /**
     * Resolves once `count` items are acknowledged, with the loops still writing: the kill then lands
     * mid-load however fast the machine is (a fixed sleep saw 40 items on a quiet machine, 8 on a busy one).
     */
    reached: async (count: number) => {
      // Bounded: 600 looks 25 ms apart is 15 s.
      for (let look = 0; look < 600 && acknowledged.size < count && unexpected.length === 0; look++)
        await new Promise((resolve) => setTimeout(resolve, 25));
      assert.deepEqual(unexpected, [], 'every request of the load succeeded');
      assert.ok(acknowledged.size >= count, `the load reached ${count} items (${acknowledged.size} in 15 s)`);
    },
    stop: async () => {
      stopped = true;
      await running;
    },
    done: running,
  };
}

for (const dialect of DIALECTS) {
  describe(`the server process after a crash (${dialect})`, () => {
    let database: TestDatabase;
    let args: string[];
    let env: Record<string, string>;

    before(async () => {
      database = await createTestDatabase(dialect, { migrate: false });
      // API only (CAIRN_WEB_ROOT=none): health must not wait for a web build this checkout may not have.
      if (dialect === 'postgres') {
        args = [];
        env = { DATABASE_URL: database.location.databaseUrl!, CAIRN_WEB_ROOT: 'none' };
      } else {
        args = ['--data', dirname(database.location.sqliteFile!)];
        env = { DATABASE_URL: '', CAIRN_WEB_ROOT: 'none' };
      }
    });
    after(async () => {
      for (const child of children) child.kill('SIGKILL');
      await database.close();
    });

    it('keeps every acknowledged write after SIGKILL mid-load, and serves normally after a restart', async (t) => {
      const first = await startServer(args, env);
      const token = await ownerToken(first.url);
      const call = client(first.url, token);
      const product = await call('POST', '/products', { key: 'CRASH', name: 'Crash test' });
      assert.equal(product.status, 201);

      const load = writeLoad(call, product.body.id, 6);
      await load.reached(20);
      first.child.kill('SIGKILL');
      const { signal } = await first.exited;
      assert.equal(signal, 'SIGKILL');
      await withTimeout(load.done, 10_000, 'the load after the kill');
      assert.deepEqual(load.unexpected, [], 'every request before the kill succeeded');
      t.diagnostic(`${load.acknowledged.size} items acknowledged before SIGKILL`);

      const second = await startServer(args, env);
      const again = client(second.url, token);
      assert.equal((await again('GET', '/health')).status, 200);
      for (const [id, acked] of load.acknowledged) {
        const item = await again('GET', `/items/${id}`);
        assert.equal(item.status, 200, `acknowledged item ${id} survived`);
        assert.ok(item.body.version >= acked.version, `${item.body.key} kept version ${acked.version}`);
        if (item.body.version === acked.version) assert.equal(item.body.title, acked.title);
      }

      // No half-applied transaction: an item's version counts its created/updated/moved events exactly.
      const items = await database.db
        .selectFrom('items')
        .select(['id', 'key', 'rank', 'number', 'version'])
        .where('product_id', '=', product.body.id)
        .orderBy('rank')
        .execute();
      const events = await database.db
        .selectFrom('events')
        .select(['entity_id', 'action'])
        .where('product_id', '=', product.body.id)
        .where('entity_type', '=', 'item')
        .execute();
      for (const [i, item] of items.entries()) {
        assert.match(item.rank, /^[0-9A-Za-z]+$/, `${item.key} has a real rank`);
        if (i > 0) assert.ok(items[i - 1]!.rank < item.rank, 'ranks are unique and strictly ordered');
        const versioned = events.filter((e) => e.entity_id === item.id && e.action !== 'rebalanced');
        assert.equal(versioned.length, item.version, `${item.key}: one event per version`);
      }
      const numbers = items.map((i) => i.number).sort((a, b) => a - b);
      assert.deepEqual(
        numbers,
        Array.from({ length: items.length }, (_, i) => i + 1),
        'committed item numbers have no gaps',
      );

      // It serves normally: a new item takes the next key, a login works, the list shows every item.
      const next = await again('POST', `/products/${product.body.id}/items`, { title: 'After the crash' });
      assert.equal(next.status, 201);
      assert.equal(next.body.key, `CRASH-${items.length + 1}`);
      const login = await client(second.url)('POST', '/auth/login', {
        email: OWNER.email,
        password: OWNER.password,
      });
      assert.equal(login.status, 200);
      const listed = await again('GET', `/products/${product.body.id}/items?limit=500`);
      assert.equal(listed.body.items.length, items.length + 1);

      second.child.kill('SIGTERM');
      assert.equal((await withTimeout(second.exited, 10_000, 'stopping')).code, 0);
    });

    it('exits 0 within a few seconds on SIGTERM under load, logging that it stops', async () => {
      const server = await startServer(args, env);
      const token = await ownerToken(server.url);
      const call = client(server.url, token);
      const product = await call('POST', '/products', { key: 'TERM', name: 'Terminated' });
      assert.equal(product.status, 201);

      const load = writeLoad(call, product.body.id, 3);
      await load.reached(5);
      const stopAt = Date.now();
      server.child.kill('SIGTERM');
      const { code } = await withTimeout(server.exited, 5_000, 'exiting after SIGTERM');
      assert.equal(code, 0, server.output());
      assert.ok(Date.now() - stopAt < 5_000);
      assert.match(server.output(), /Cairn stopping \(SIGTERM\)/);
      await withTimeout(load.done, 10_000, 'the load after SIGTERM');
      assert.deepEqual(load.unexpected, [], 'requests answered before the stop succeeded');

      // Everything acknowledged before the stop is there after a restart.
      const restarted = await startServer(args, env);
      const again = client(restarted.url, token);
      for (const [id, acked] of load.acknowledged) {
        const item = await again('GET', `/items/${id}`);
        assert.equal(item.status, 200);
        assert.ok(item.body.version >= acked.version);
      }
      restarted.child.kill('SIGTERM');
      assert.equal((await withTimeout(restarted.exited, 10_000, 'stopping')).code, 0);
    });
  });
}

const OWNER = { email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' };

/** An API token of the owner's: from the first-run setup, or (once set up) made with a login session. */
async function ownerToken(url: string): Promise<string> {
  const setup = await client(url)('POST', '/setup', OWNER);
  if (setup.status === 201) return setup.body.token;
  assert.equal(setup.status, 409, JSON.stringify(setup.body));
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: OWNER.email, password: OWNER.password }),
  });
  assert.equal(login.status, 200);
  const session = /cairn_session=[^;]+/.exec(login.headers.get('set-cookie') ?? '')?.[0];
  assert.ok(session, 'a session cookie');
  const created = await fetch(`${url}/api/v1/tokens`, {
    method: 'POST',
    headers: { cookie: session, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'crash test' }),
  });
  assert.equal(created.status, 201);
  return ((await created.json()) as Body).token as string;
}

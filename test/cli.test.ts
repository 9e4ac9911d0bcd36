import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import SQLite from 'better-sqlite3';

const BIN = join(import.meta.dirname, '..', 'bin', 'cairn.js');

function cairn(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `cairn serve` and resolves with its URL once it logs the listening line. */
function serve(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ child: ChildProcess; url: string; line: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    // A server that misses its start is killed: left running, it kept the test process alive after the
    // failure (seen on a machine at load 10+, where the unbuilt sources' start took over 15 s).
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start: ${output}`));
    }, 15_000);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+) \(database: [^)]+\)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], line: match[0] });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });
}

describe('the cairn command', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-cli-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('explains every command with --help', () => {
    const top = cairn(['--help']);
    assert.equal(top.code, 0);
    for (const command of ['serve', 'migrate', 'demo', 'users', 'tokens'])
      assert.match(top.stdout, new RegExp(command));
    assert.match(cairn(['users', 'add', '--help']).stdout, /--email/);
    assert.match(cairn(['tokens', 'create', '--help']).stdout, /--expires-in-days/);
    assert.match(cairn(['serve', '--help']).stdout, /--port/);
  });

  it('refuses bad input with a message naming the field and exit code 2', () => {
    const result = cairn([
      'users',
      'add',
      '--data',
      dir,
      '--email',
      'a@example.com',
      '--name',
      'A',
      '--password',
      'short',
    ]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /password must be at least 12 characters/);
    const unknown = cairn(['tokens', 'create', '--data', dir, '--email', 'nobody@example.com']);
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /user nobody@example\.com not found/);
  });

  it('migrates, adds the owner, issues tokens, and serves them on 127.0.0.1 until SIGTERM', async () => {
    assert.equal(cairn(['migrate', '--data', dir]).code, 0);
    const owner = cairn(['users', 'add', '--data', dir, '--email', 'Owner@Example.com', '--name', 'O'], {
      CAIRN_PASSWORD: 'twelve chars at least',
    });
    assert.equal(owner.code, 0, owner.stderr);
    assert.match(owner.stdout, /created owner owner@example\.com/);
    const editor = cairn([
      'users',
      'add',
      '--data',
      dir,
      '--email',
      'ed@example.com',
      '--name',
      'Ed',
      '--role',
      'editor',
    ]);
    assert.match(editor.stdout, /created editor ed@example\.com/);
    const token = cairn(['tokens', 'create', '--data', dir, '--email', 'ed@example.com', '--name', 'script']);
    assert.equal(token.code, 0, token.stderr);
    const secret = token.stdout.trim();
    assert.match(secret, /^cairn_[\w-]{40,}$/);

    const { child, url, line } = await serve(['--port', '0', '--data', dir]);
    try {
      assert.match(url, /^http:\/\/127\.0\.0\.1:\d+$/);
      assert.match(line, /database: sqlite .*cairn\.db/);
      const me = await fetch(`${url}/api/v1/auth/me`, { headers: { authorization: `Bearer ${secret}` } });
      assert.equal(me.status, 200);
      assert.equal(((await me.json()) as { role: string }).role, 'editor');
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });
  it('answers health 503 with the reason until --demo has loaded, then 200 with the demo there', async () => {
    const demoDir = join(dir, 'demo');
    // API only: this checkout's web app may not be built, and health would rightly wait for it.
    const { child, url } = await serve(['--port', '0', '--data', demoDir, '--demo'], {
      CAIRN_WEB_ROOT: 'none',
    });
    try {
      const reasons = new Set<string>();
      let status = 0;
      // Bounded: the demo loads in a few seconds; 600 polls of 50 ms is half a minute.
      for (let attempt = 0; attempt < 600 && status !== 200; attempt++) {
        const health = await fetch(`${url}/api/v1/health`);
        status = health.status;
        const body = (await health.json()) as { reason?: string };
        if (status === 503 && body.reason) reasons.add(body.reason);
        else assert.equal(status, 200, 'health answers 200 or 503 with a reason');
        if (status !== 200) await sleep(50);
      }
      assert.equal(status, 200);
      for (const reason of reasons) assert.equal(reason, 'loading the demo data');
      const db = new SQLite(join(demoDir, 'cairn.db'), { readonly: true });
      try {
        const products = db.prepare('select count(*) as n from products').get() as { n: number };
        const items = db.prepare('select count(*) as n from items').get() as { n: number };
        assert.equal(products.n, 1, 'the demo product is there once health says ok');
        assert.ok(items.n > 100, `the demo backlog is there (${items.n} items)`);
      } finally {
        db.close();
      }
    } finally {
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    }
  });
});

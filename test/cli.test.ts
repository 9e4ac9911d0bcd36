import assert from 'node:assert/strict';
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const BIN = join(import.meta.dirname, '..', 'bin', 'cairn.js');

function cairn(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Starts `cairn serve` and resolves with its URL once it logs the listening line. */
function serve(args: string[]): Promise<{ child: ChildProcess; url: string; line: string }> {
  const child = spawn(process.execPath, [BIN, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 15_000);
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
});

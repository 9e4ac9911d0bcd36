import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { createApiToken, revokeApiToken } from '../../src/services/auth/api-tokens.ts';
import { createProduct } from '../../src/services/products/create-product.ts';
import { setupWorkspace } from '../../src/services/users/setup-workspace.ts';
import { openDatabase } from '../../src/store/database.ts';
import { migrateToLatest } from '../../src/store/migrate.ts';
import type { Body } from '../support/api.ts';
import { callError, callOk } from './mcp-client.ts';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'cairn.js');

/** `cairn mcp` on the data folder, as an agent's MCP client starts it. */
async function startCairnMcp(dir: string, token: string): Promise<{ client: Client; stderr: () => string }> {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [BIN, 'mcp', '--data', dir],
    env: { ...(process.env as Record<string, string>), CAIRN_TOKEN: token },
    stderr: 'pipe',
  });
  let errors = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
  });
  const client = new Client({ name: 'cairn-stdio-test', version: '1.0.0' });
  await client.connect(transport);
  return { client, stderr: () => errors };
}

describe('cairn mcp over stdio (sqlite)', () => {
  let dir: string;
  let ownerToken: string;
  let product: Body;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-mcp-'));
    const database = openDatabase({ sqliteFile: join(dir, 'cairn.db') });
    try {
      await migrateToLatest(database.db, () => {});
      const setup = await setupWorkspace({
        db: database.db,
        input: { email: 'owner@example.com', name: 'Olive Owner', password: 'a long enough password' },
      });
      ownerToken = setup.token;
      product = await createProduct({
        db: database.db,
        actor: { id: setup.user.id, role: setup.user.role },
        input: { key: 'CAI', name: 'Cairn', description: '' },
      });
    } finally {
      await database.close();
    }
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("serves the tools as the token's user, writing to the database", async () => {
    const { client, stderr } = await startCairnMcp(dir, ownerToken);
    try {
      const { tools } = await client.listTools();
      assert.ok(tools.some((tool) => tool.name === 'create_item'));
      const { products } = await callOk(client, 'list_products');
      assert.deepEqual(
        products.map((p: Body) => p.key),
        ['CAI'],
      );
      const created = await callOk(client, 'create_item', {
        productId: 'CAI',
        title: 'Export the roadmap',
        acceptanceCriteria: [{ text: 'A CSV downloads' }],
      });
      assert.equal(created.item.key, 'CAI-1');
      await callOk(client, 'estimate_item', { idOrKey: 'CAI-1', estimate: 3 });
      const found = await callOk(client, 'search_items', { productId: product.id, q: 'roadmap' });
      assert.deepEqual(
        found.items.map((i: Body) => [i.key, i.estimate]),
        [['CAI-1', 3]],
      );
      assert.match(await callError(client, 'get_item', { idOrKey: 'CAI-99' }), /^not_found:/);
      assert.match(await callError(client, 'create_item', { productId: 'CAI' }), /title/);
      assert.equal(stderr(), '', 'nothing was logged');
    } finally {
      await client.close();
    }
  });

  it('stops acting for a token revoked while it runs', async () => {
    const database = openDatabase({ sqliteFile: join(dir, 'cairn.db') });
    try {
      const owner = await database.db.selectFrom('users').select(['id', 'role']).executeTakeFirstOrThrow();
      const token = await createApiToken({ db: database.db, actor: owner, input: { name: 'agent' } });
      const { client } = await startCairnMcp(dir, token.token);
      try {
        assert.equal((await callOk(client, 'get_item', { idOrKey: 'CAI-1' })).item.key, 'CAI-1');
        await revokeApiToken({ db: database.db, actor: owner, id: token.id });
        // The stdio server re-reads its token through a cache: the revocation shows within its lifetime.
        let message = '';
        for (let attempt = 0; attempt < 40 && !message; attempt += 1) {
          const result = await client.callTool({ name: 'get_item', arguments: { idOrKey: 'CAI-1' } });
          if (result.isError) message = JSON.stringify(result.content);
          else await new Promise((resolve) => setTimeout(resolve, 250));
        }
        assert.match(message, /unauthorized/);
      } finally {
        await client.close();
      }
    } finally {
      await database.close();
    }
  });

  it('refuses to start without a token, saying how to give one', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, [BIN, 'mcp', '--data', dir], {
      encoding: 'utf8',
      env: { ...process.env, CAIRN_TOKEN: '' },
    });
    assert.equal(result.status, 4);
    assert.equal(result.stdout, '');
    assert.match(result.stderr, /--token <token> or env CAIRN_TOKEN/);
  });
});

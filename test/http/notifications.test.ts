import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { createSmtpMailer } from '../../src/services/mail/mailer.ts';
import { type Body, buildItem, buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';

/** A real SMTP server on a free local port that keeps what it receives. */
async function startSmtp() {
  const received: { to: string[]; data: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          data: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits (bounded) until `check` holds: the mail is sent after the response, in the background. */
async function eventually(check: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** A user with a distinct name (mentions match names), their token, and membership of `productId`. */
async function member(api: TestApi, name: string, role: 'editor' | 'viewer', productId: string | null) {
  const email = `${name.toLowerCase().replace(/\s+/g, '.')}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  const created = await api.call('POST', '/users', {
    body: { email, name, role, password: 'a long enough password' },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const { createApiToken } = await import('../../src/services/auth/api-tokens.ts');
  const token = await createApiToken({
    db: api.database.db,
    actor: { id: created.body.id, role },
    input: { name: 'test' },
  });
  if (productId) await api.call('PUT', `/products/${productId}/members/${created.body.id}`);
  return { user: created.body as Body, token: token.token, email };
}

for (const dialect of DIALECTS) {
  describe(`notifications over HTTP (${dialect})`, () => {
    let api: TestApi;
    let smtp: Awaited<ReturnType<typeof startSmtp>>;
    let product: Body;
    let item: Body;
    let ann: Awaited<ReturnType<typeof member>>;
    let bob: Awaited<ReturnType<typeof member>>;
    let stranger: Awaited<ReturnType<typeof member>>;

    before(async () => {
      smtp = await startSmtp();
      api = await createTestApi(dialect, {
        mailer: createSmtpMailer({ url: smtp.url, from: 'Cairn <cairn@example.com>' }),
      });
      product = await buildProduct(api);
      item = await buildItem(api, product.id, { title: 'Fix login' });
      ann = await member(api, 'Ann Lee', 'editor', product.id);
      bob = await member(api, 'Bob Stone', 'viewer', product.id);
      const elsewhere = await buildProduct(api);
      stranger = await member(api, 'Sid Far', 'editor', elsewhere.id);
    });
    after(async () => {
      await api.close();
      await smtp.close();
    });

    const unread = async (token: string) =>
      (await api.call('GET', '/notifications/unread-count', { token })).body.unread as number;

    it('notifies a mentioned member (and mails them), never a non-member or the author', async () => {
      const created = await api.call('POST', `/items/${item.key}/comments`, {
        token: ann.token,
        body: { body: '@Bob Stone please look, and @Sid Far and @Ann Lee too' },
      });
      assert.equal(created.status, 201, JSON.stringify(created.body));
      assert.equal(await unread(bob.token), 1);
      assert.equal(await unread(stranger.token), 0, "another product's member gets nothing");
      assert.equal(await unread(ann.token), 0, 'the author is not notified of their own comment');

      const list = await api.call('GET', '/notifications', { token: bob.token });
      assert.equal(list.status, 200);
      assert.equal(list.body.unread, 1);
      const [note] = list.body.notifications;
      assert.equal(note.kind, 'mention');
      assert.equal(note.entityType, 'item');
      assert.equal(note.entityId, item.id);
      assert.equal(note.itemKey, item.key);
      assert.equal(note.entityLabel, `${item.key} Fix login`);
      assert.equal(note.productKey, product.key);
      assert.deepEqual(note.actor, { id: ann.user.id, name: 'Ann Lee' });
      assert.match(note.excerpt, /please look/);
      assert.equal(note.readAt, null);

      await eventually(() => smtp.received.length >= 1);
      assert.equal(smtp.received.length, 1, 'one mail, to the one mentioned member');
      assert.deepEqual(smtp.received[0]?.to, [bob.email]);
      assert.match(smtp.received[0]?.data ?? '', /Ann Lee mentioned you/);
      assert.match(smtp.received[0]?.data ?? '', new RegExp(`http://cairn\\.test/${item.key}`));
    });

    it('notifies watchers of new comments (commenters watch), except the author', async () => {
      // Ann commented above and so watches the item; the owner comments now.
      const before = await unread(ann.token);
      await api.call('POST', `/items/${item.id}/comments`, { body: { body: 'A plain remark' } });
      assert.equal(await unread(ann.token), before + 1);
      const [latest] = (await api.call('GET', '/notifications', { token: ann.token })).body.notifications;
      assert.equal(latest.kind, 'comment');
      assert.equal(await unread(stranger.token), 0);
    });

    it('marks notifications read by id or all at once', async () => {
      await api.call('POST', `/items/${item.id}/comments`, { body: { body: 'Another @bob stone ping' } });
      const page = (await api.call('GET', '/notifications?unread=true', { token: bob.token })).body;
      assert.ok(page.notifications.length >= 2);
      const first = page.notifications[0].id;
      const marked = await api.call('POST', '/notifications/read', {
        token: bob.token,
        body: { ids: [first] },
      });
      assert.equal(marked.status, 200);
      assert.equal(marked.body.unread, page.unread - 1);
      const again = (await api.call('GET', '/notifications', { token: bob.token })).body.notifications;
      assert.notEqual(again.find((n: Body) => n.id === first).readAt, null);
      // Someone else's ids mark nothing of theirs.
      await api.call('POST', '/notifications/read', { token: ann.token, body: { all: true } });
      assert.equal(await unread(bob.token), page.unread - 1);
      const all = await api.call('POST', '/notifications/read', { token: bob.token, body: { all: true } });
      assert.equal(all.body.unread, 0);
      const bad = await api.call('POST', '/notifications/read', { token: bob.token, body: {} });
      assert.equal(bad.status, 400);
    });

    it('notifies members a comment newly mentions when it is edited, and pages the list', async () => {
      const created = await api.call('POST', `/items/${item.id}/comments`, {
        token: ann.token,
        body: { body: 'no mention yet' },
      });
      const before = await unread(bob.token);
      await api.call('PATCH', `/comments/${created.body.id}`, {
        token: ann.token,
        body: { body: 'now @Bob Stone' },
      });
      assert.equal(await unread(bob.token), before + 1);
      // Editing again without a new mention notifies no one again.
      await api.call('PATCH', `/comments/${created.body.id}`, {
        token: ann.token,
        body: { body: 'now @Bob Stone, edited' },
      });
      assert.equal(await unread(bob.token), before + 1);

      const first = (await api.call('GET', '/notifications', { token: bob.token })).body;
      assert.equal(first.nextCursor, null, 'few enough for one page');
      const bad = await api.call('GET', '/notifications?cursor=nope', { token: bob.token });
      assert.equal(bad.status, 400);
    });
  });

  describe(`notification e-mail switched off (${dialect})`, () => {
    it('sends no mail when no SMTP server is configured, and the comment still works', async () => {
      const smtp = await startSmtp();
      const api = await createTestApi(dialect);
      try {
        const product = await buildProduct(api);
        const item = await buildItem(api, product.id);
        const bob = await member(api, 'Bob Quiet', 'editor', product.id);
        const created = await api.call('POST', `/items/${item.id}/comments`, {
          body: { body: '@Bob Quiet hi' },
        });
        assert.equal(created.status, 201);
        assert.equal(
          (await api.call('GET', '/notifications/unread-count', { token: bob.token })).body.unread,
          1,
        );
        await new Promise((resolve) => setTimeout(resolve, 200));
        assert.equal(smtp.received.length, 0);
      } finally {
        await api.close();
        await smtp.close();
      }
    });

    it('keeps the comment when the SMTP server cannot be reached, and logs the failure', async () => {
      const smtp = await startSmtp();
      const url = smtp.url;
      await smtp.close();
      const api = await createTestApi(dialect, {
        mailer: createSmtpMailer({ url, from: 'Cairn <cairn@example.com>' }),
      });
      try {
        const product = await buildProduct(api);
        const item = await buildItem(api, product.id);
        await member(api, 'Bob Away', 'editor', product.id);
        const created = await api.call('POST', `/items/${item.id}/comments`, {
          body: { body: '@Bob Away hi' },
        });
        assert.equal(created.status, 201);
      } finally {
        await api.close();
      }
    });
  });
}

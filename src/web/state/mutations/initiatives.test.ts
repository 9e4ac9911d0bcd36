import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import { initiativeFixture, productFixture } from '../../api/planning-fixtures.ts';
import { setReleaseNotesPublic } from '../../api/releases.ts';
import { currentNotices, dismiss } from '../notices.ts';
import { ProductStore } from '../product-store.ts';
import { fieldError } from './field-errors.ts';
import { updateInitiative } from './initiatives.ts';

const product = productFixture();
const initiative = initiativeFixture;

interface Sent {
  method: string;
  url: string;
  ifMatch: string | null;
  body: unknown;
}

/** Answers the app's requests in order, and records what it sent. */
function serve(answers: { status: number; body?: unknown }[]): Sent[] {
  const sent: Sent[] = [];
  let next = 0;
  mock.method(globalThis, 'fetch', async (request: Request) => {
    const text = await request.text();
    const url = new URL(request.url);
    sent.push({
      method: request.method,
      url: url.pathname + url.search,
      ifMatch: request.headers.get('If-Match'),
      body: text ? JSON.parse(text) : undefined,
    });
    const answer = answers[next++] ?? { status: 500 };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

describe('updateInitiative', () => {
  let store: ProductStore;
  beforeEach(() => {
    store = new ProductStore(product);
    store.initiatives.set('i1', initiative());
    mock.timers.enable({ apis: ['setTimeout'] });
  });
  afterEach(() => {
    mock.restoreAll();
    mock.timers.reset();
    for (const notice of currentNotices()) dismiss(notice.id);
  });

  it('saves against the version shown, with If-Match', async () => {
    const sent = serve([{ status: 200, body: initiative({ summary: 'Mine.', version: 4 }) }]);
    assert.equal(await updateInitiative(store, 'i1', { summary: 'Mine.' }), true);
    assert.deepEqual(sent[0], {
      method: 'PATCH',
      url: '/api/v1/initiatives/i1',
      ifMatch: '"3"',
      body: { summary: 'Mine.' },
    });
    assert.equal(store.initiatives.get('i1')?.version, 4);
  });

  it('shows both versions when someone else saved first (412), and keeps theirs', async () => {
    const theirs = initiative({ summary: 'Theirs.', version: 4 });
    const sent = serve([
      { status: 412, body: { error: { code: 'version_conflict', message: 'changed meanwhile' } } },
      { status: 200, body: theirs },
    ]);
    assert.equal(await updateInitiative(store, 'i1', { summary: 'Mine.' }, { baseVersion: 2 }), false);
    assert.equal(sent[0]?.ifMatch, '"2"');
    assert.equal(store.initiatives.get('i1')?.summary, 'Theirs.');
    const conflict = currentNotices().find((notice) => notice.kind === 'conflict');
    assert.deepEqual(conflict?.conflict?.fields, [{ field: 'summary', mine: 'Mine.', theirs: 'Theirs.' }]);
  });

  it('puts a refused value’s message at its field, whatever shape the path has', async () => {
    for (const path of ['title', ['title']]) {
      serve([
        {
          status: 400,
          body: {
            error: {
              code: 'validation_failed',
              message: 'invalid request',
              details: { issues: [{ path, message: 'must be at most 300 characters' }] },
            },
          },
        },
      ]);
      assert.equal(await updateInitiative(store, 'i1', { title: 'x'.repeat(301) }), false);
      assert.equal(fieldError(store, 'i1', 'title'), 'must be at most 300 characters');
      assert.equal(store.initiatives.get('i1')?.title, 'Faster checkout');
      mock.restoreAll();
    }
    serve([{ status: 200, body: initiative({ title: 'Shorter', version: 4 }) }]);
    assert.equal(await updateInitiative(store, 'i1', { title: 'Shorter' }), true);
    assert.equal(fieldError(store, 'i1', 'title'), undefined);
  });
});

describe('setReleaseNotesPublic', () => {
  afterEach(() => mock.restoreAll());

  it('saves against the product version shown, with If-Match', async () => {
    const sent = serve([{ status: 200, body: { ...product, releaseNotesPublic: true, version: 5 } }]);
    const saved = await setReleaseNotesPublic(product, true);
    assert.equal(saved.version, 5);
    assert.deepEqual(sent[0], {
      method: 'PATCH',
      url: '/api/v1/products/p1',
      ifMatch: '"4"',
      body: { releaseNotesPublic: true },
    });
  });
});

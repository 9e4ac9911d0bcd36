import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { ApiError, client, ifMatch, ok, onUnauthorized } from './client.ts';
import { itemsApi } from './items.ts';
import { sessionApi } from './session.ts';

const refused = (issues: unknown) =>
  new ApiError(400, 'validation_failed', 'invalid request', issues === undefined ? undefined : { issues });

describe('ApiError.fieldMessage', () => {
  it('names the field when the server sends the path dotted, as it does', () => {
    const error = refused([{ path: 'acceptanceCriteria.2.text', message: 'must not be empty' }]);
    assert.equal(error.fieldMessage, 'acceptanceCriteria.2.text: must not be empty');
    assert.equal(error.field, 'acceptanceCriteria.2.text');
    assert.equal(error.issueMessage, 'must not be empty');
  });

  it('names the field when the path arrives as an array, as zod gives it', () => {
    const error = refused([{ path: ['acceptanceCriteria', 2, 'text'], message: 'must not be empty' }]);
    assert.equal(error.fieldMessage, 'acceptanceCriteria.2.text: must not be empty');
    assert.equal(error.field, 'acceptanceCriteria.2.text');
  });

  it('gives the bare message for a problem with the whole body or without a path', () => {
    assert.equal(refused([{ path: '(body)', message: 'not JSON' }]).fieldMessage, 'not JSON');
    assert.equal(refused([{ message: 'not JSON' }]).fieldMessage, 'not JSON');
    assert.equal(refused([{ path: '(body)', message: 'not JSON' }]).field, null);
  });

  it("falls back to the error's message when there are no usable issues", () => {
    assert.equal(refused(undefined).fieldMessage, 'invalid request');
    assert.equal(refused('issues').fieldMessage, 'invalid request');
    assert.equal(refused([null]).fieldMessage, 'invalid request');
    assert.equal(refused([{ path: { odd: true }, message: 42 }]).fieldMessage, 'invalid request');
  });
});

/** Answers every request with `answer` (or throws it), and records the requests sent. */
function serve(answer: { status: number; body?: unknown } | Error): Request[] {
  const sent: Request[] = [];
  mock.method(globalThis, 'fetch', async (request: Request) => {
    sent.push(request);
    if (answer instanceof Error) throw answer;
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json' },
    });
  });
  return sent;
}

describe('the API client', () => {
  afterEach(() => mock.restoreAll());

  it('reads JSON same-origin, and declares JSON on every write, even a bodyless one (else 415)', async () => {
    const sent = serve({ status: 200, body: { id: 'i1' } });
    await itemsApi.get('CHK-42');
    await itemsApi.restore('i1');
    await itemsApi.trash('i1');
    const [get, restore, trash] = sent;
    assert.equal(new URL(get!.url).pathname, '/api/v1/items/CHK-42');
    assert.equal(get?.headers.get('Accept'), 'application/json');
    assert.equal(get?.headers.get('Content-Type'), null);
    assert.equal(get?.credentials, 'same-origin');
    assert.equal(restore?.method, 'POST');
    assert.equal(restore?.headers.get('Content-Type'), 'application/json');
    assert.equal(trash?.method, 'DELETE');
    assert.equal(trash?.headers.get('Content-Type'), 'application/json');
  });

  it('sends If-Match with the version the change was made from', async () => {
    const sent = serve({ status: 200, body: {} });
    await ok(
      client.PATCH('/items/{idOrKey}', {
        params: { path: { idOrKey: 'i1' } },
        body: {},
        headers: ifMatch(7),
      }),
    );
    assert.equal(sent[0]?.headers.get('If-Match'), '"7"');
  });

  it("throws the server's error with its code, message and field details", async () => {
    const details = { issues: [{ path: 'title', message: 'must not be empty' }] };
    serve({ status: 400, body: { error: { code: 'validation_failed', message: 'invalid body', details } } });
    const error = await itemsApi.get('CHK-1').catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 400);
    assert.equal(error.code, 'validation_failed');
    assert.equal(error.message, 'invalid body');
    assert.equal(error.fieldMessage, 'title: must not be empty');
  });

  it('names the status when an error has no body', async () => {
    serve({ status: 502 });
    const error = await itemsApi.get('CHK-1').catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError);
    assert.equal(error.code, 'http_502');
  });

  it('tells the 401 listeners that the session is gone, except for a failed login', async () => {
    let told = 0;
    const stop = onUnauthorized(() => told++);
    try {
      serve({ status: 401, body: { error: { code: 'unauthenticated', message: 'sign in' } } });
      await assert.rejects(itemsApi.get('CHK-1'), ApiError);
      assert.equal(told, 1);
      await assert.rejects(sessionApi.logIn({ email: 'a@b.c', password: 'wrong' }), ApiError);
      assert.equal(told, 1);
    } finally {
      stop();
    }
  });

  it('turns a network failure into network_error, and lets an abort through as it is', async () => {
    serve(new TypeError('fetch failed'));
    const error = await itemsApi.get('CHK-1').catch((caught: unknown) => caught);
    assert.ok(error instanceof ApiError);
    assert.equal(error.status, 0);
    assert.equal(error.code, 'network_error');
    mock.restoreAll();
    serve(new DOMException('The operation was aborted.', 'AbortError'));
    const aborted = await itemsApi
      .get('CHK-1', new AbortController().signal)
      .catch((caught: unknown) => caught);
    assert.ok(!(aborted instanceof ApiError));
    assert.equal((aborted as Error).name, 'AbortError');
  });
});

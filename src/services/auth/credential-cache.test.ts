import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CREDENTIAL_TTL_MS, CredentialCache } from './credential-cache.ts';

describe('CredentialCache', () => {
  it('serves a row read moments ago without reading again, and reads it again once it is stale', async () => {
    const cache = new CredentialCache<{ n: number }>();
    let reads = 0;
    const load = async () => ({ n: ++reads });
    assert.deepEqual(await cache.lookup('a', load), { n: 1 });
    assert.deepEqual(await cache.lookup('a', load), { n: 1 });
    await new Promise((resolve) => setTimeout(resolve, CREDENTIAL_TTL_MS + 10));
    assert.deepEqual(await cache.lookup('a', load), { n: 2 });
  });

  it('never keeps an unknown credential, so a token created on another server works at once', async () => {
    const cache = new CredentialCache<{ n: number }>();
    let row: { n: number } | undefined;
    const load = async () => row;
    assert.equal(await cache.lookup('new', load), undefined);
    row = { n: 1 };
    assert.deepEqual(await cache.lookup('new', load), { n: 1 });
  });

  it('forgets everything at once, and does not keep a read that was under way meanwhile', async () => {
    const cache = new CredentialCache<{ revoked: boolean }>();
    await cache.lookup('t', async () => ({ revoked: false }));
    let finish: (row: { revoked: boolean }) => void = () => {};
    const under = cache.lookup('u', () => new Promise((resolve) => (finish = resolve)));
    cache.forget();
    finish({ revoked: false });
    assert.deepEqual(await under, { revoked: false }, 'the request that read it uses it');
    assert.deepEqual(await cache.lookup('t', async () => ({ revoked: true })), { revoked: true });
    assert.deepEqual(await cache.lookup('u', async () => ({ revoked: true })), { revoked: true });
  });

  it('holds a bounded number of entries, dropping the oldest first', async () => {
    const cache = new CredentialCache<string>();
    for (let i = 0; i <= 1_000; i++) await cache.lookup(`k${i}`, async () => `first ${i}`);
    assert.equal(await cache.lookup('k0', async () => 'read again'), 'read again');
    assert.equal(await cache.lookup('k1000', async () => 'read again'), 'first 1000');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashPassword, verifyPassword } from './passwords.ts';

describe('password hashing', () => {
  it('uses scrypt with N=2^15 by default and a fresh salt per hash', async () => {
    const previous = process.env.CAIRN_SCRYPT_COST;
    delete process.env.CAIRN_SCRYPT_COST;
    try {
      const hash = await hashPassword('correct horse battery staple');
      assert.match(hash, /^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
      assert.ok(await verifyPassword('correct horse battery staple', hash));
      assert.notEqual(hash, await hashPassword('correct horse battery staple'));
    } finally {
      if (previous !== undefined) process.env.CAIRN_SCRYPT_COST = previous;
    }
  });

  it('rejects a wrong password and a malformed stored hash', async () => {
    const hash = await hashPassword('correct horse battery staple', 10);
    assert.equal(await verifyPassword('Correct horse battery staple', hash), false);
    assert.equal(await verifyPassword('anything', 'md5$abc'), false);
  });

  it('verifies hashes made with another cost (parameters travel with the hash)', async () => {
    const cheap = await hashPassword('twelve chars long', 10);
    assert.ok(await verifyPassword('twelve chars long', cheap));
  });
});

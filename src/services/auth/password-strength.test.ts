import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordWeakness } from './password-strength.ts';

const ADA = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };

describe('password strength', async () => {
  it('refuses the most common passwords and small changes to them', async () => {
    assert.equal(await passwordWeakness('123456789012', ADA), 'is one of the most common passwords');
    assert.equal(await passwordWeakness('password1234', ADA), 'is a common password with small changes');
    assert.equal(await passwordWeakness('qwertyuiop12', ADA), 'is a common password with small changes');
  });

  it('refuses repeats and sequences, naming the pattern', async () => {
    assert.match((await passwordWeakness('aaaaaaaaaaaa', ADA)) ?? '', /^is too easy to guess \(Repeated/);
    assert.match((await passwordWeakness('abcdefghijkl', ADA)) ?? '', /^is too easy to guess/);
  });

  it('refuses passwords containing the name or the e-mail local part, ignoring case', async () => {
    assert.equal(await passwordWeakness('I am LOVELACE, countess', ADA), 'contains your name');
    assert.equal(
      await passwordWeakness('quiet river 7 trance', { email: 'trance@example.com', name: 'Q' }),
      'contains your e-mail address',
    );
  });

  it('ignores name pieces shorter than three characters', async () => {
    assert.equal(
      await passwordWeakness('correct horse battery staple', { email: 'co@example.com', name: 'Al' }),
      null,
    );
  });

  it('accepts long passphrases and random strings', async () => {
    assert.equal(await passwordWeakness('correct horse battery staple', ADA), null);
    assert.equal(await passwordWeakness('a long enough password', ADA), null);
    assert.equal(await passwordWeakness('vK3_pQ9-zR2mXw', ADA), null);
  });
});

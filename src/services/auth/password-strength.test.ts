import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { passwordWeakness } from './password-strength.ts';

const ADA = { email: 'ada.lovelace@example.com', name: 'Ada Lovelace' };

describe('password strength', () => {
  it('refuses the most common passwords and small changes to them', () => {
    assert.equal(passwordWeakness('123456789012', ADA), 'is one of the most common passwords');
    assert.equal(passwordWeakness('password1234', ADA), 'is a common password with small changes');
    assert.equal(passwordWeakness('qwertyuiop12', ADA), 'is a common password with small changes');
  });

  it('refuses repeats and sequences, naming the pattern', () => {
    assert.match(passwordWeakness('aaaaaaaaaaaa', ADA) ?? '', /^is too easy to guess \(Repeated/);
    assert.match(passwordWeakness('abcdefghijkl', ADA) ?? '', /^is too easy to guess/);
  });

  it('refuses passwords containing the name or the e-mail local part, ignoring case', () => {
    assert.equal(passwordWeakness('I am LOVELACE, countess', ADA), 'contains your name');
    assert.equal(
      passwordWeakness('quiet river 7 trance', { email: 'trance@example.com', name: 'Q' }),
      'contains your e-mail address',
    );
  });

  it('ignores name pieces shorter than three characters', () => {
    assert.equal(
      passwordWeakness('correct horse battery staple', { email: 'co@example.com', name: 'Al' }),
      null,
    );
  });

  it('accepts long passphrases and random strings', () => {
    assert.equal(passwordWeakness('correct horse battery staple', ADA), null);
    assert.equal(passwordWeakness('a long enough password', ADA), null);
    assert.equal(passwordWeakness('vK3_pQ9-zR2mXw', ADA), null);
  });
});

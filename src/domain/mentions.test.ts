import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_MENTIONS, mentionIndex, parseMentions } from './mentions.ts';

const members = [
  { id: 'u-ann', name: 'Ann Lee', email: 'ann@example.com' },
  { id: 'u-bob', name: 'Bob', email: 'bob@example.com' },
];
const index = mentionIndex(members);

describe('parseMentions', () => {
  it('finds members by full name, name without spaces and e-mail, case-insensitively', () => {
    assert.deepEqual(parseMentions('@Ann Lee please look', index), ['u-ann']);
    assert.deepEqual(parseMentions('cc @annlee', index), ['u-ann']);
    assert.deepEqual(parseMentions('@BOB@example.com, thoughts?', index), ['u-bob']);
    assert.deepEqual(parseMentions('@bob: and @ann lee.', index), ['u-bob', 'u-ann']);
  });

  it('ignores names of people who are not members, and e-mail addresses inside text', () => {
    assert.deepEqual(parseMentions('@carol and mail bob@example.com', index), []);
    assert.deepEqual(parseMentions('@ and @@ and @', index), []);
  });

  it('lists each member once, in order of first mention', () => {
    assert.deepEqual(parseMentions('@bob @Ann Lee @bob @ann@example.com', index), ['u-bob', 'u-ann']);
  });

  it('mentions neither of two members who share a name', () => {
    const twins = mentionIndex([
      { id: 'a', name: 'Sam', email: 'sam1@example.com' },
      { id: 'b', name: 'Sam', email: 'sam2@example.com' },
    ]);
    assert.deepEqual(parseMentions('@sam', twins), []);
    assert.deepEqual(parseMentions('@sam2@example.com', twins), ['b']);
  });

  it(`stops at ${MAX_MENTIONS} distinct mentions`, () => {
    const many = Array.from({ length: 80 }, (_, i) => ({
      id: `u${i}`,
      name: `User${i}`,
      email: `u${i}@x.io`,
    }));
    const body = many.map((m) => `@${m.name}`).join(' ');
    assert.equal(parseMentions(body, mentionIndex(many)).length, MAX_MENTIONS);
  });

  it('costs no more on hostile input than on plain text', () => {
    // 100 kB of `@` and of long words: bounded by the scan and sign caps, not by the input.
    for (const hostile of ['@'.repeat(100_000), `@${'a'.repeat(100_000)}`, '@a '.repeat(40_000)]) {
      assert.deepEqual(parseMentions(hostile, index), []);
    }
  });
});

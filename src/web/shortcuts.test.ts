import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GROOMING_SHORTCUTS } from './screens/grooming/session-keys.ts';
import { SHORTCUTS } from './shortcuts.ts';

describe('SHORTCUTS', () => {
  it('lists the grooming session’s keys as their own group in the help overlay', () => {
    const group = SHORTCUTS.find((entry) => entry.title === 'Grooming session');
    assert.equal(group, GROOMING_SHORTCUTS);
    assert.ok(group?.shortcuts.some((shortcut) => shortcut.description === 'Mark ready'));
  });

  it('gives every group a distinct title', () => {
    const titles = SHORTCUTS.map((entry) => entry.title);
    assert.equal(new Set(titles).size, titles.length);
  });
});

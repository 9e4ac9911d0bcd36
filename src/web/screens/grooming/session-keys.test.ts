import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandFor, GROOMING_SHORTCUTS, keyName } from './session-keys.ts';

const press = (key: string, modifiers: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...modifiers,
});

describe('the grooming session keys', () => {
  it('maps each letter and arrow to its command', () => {
    assert.equal(commandFor(press('e')), 'estimate');
    assert.equal(commandFor(press('a')), 'criterion');
    assert.equal(commandFor(press('s')), 'split');
    assert.equal(commandFor(press('i')), 'initiative');
    assert.equal(commandFor(press('r')), 'ready');
    assert.equal(commandFor(press('j')), 'down');
    assert.equal(commandFor(press('ArrowDown')), 'down');
    assert.equal(commandFor(press('n')), 'next');
    assert.equal(commandFor(press('ArrowRight')), 'next');
    assert.equal(commandFor(press('p')), 'previous');
    assert.equal(commandFor(press('ArrowLeft')), 'previous');
    assert.equal(commandFor(press('Escape')), 'end');
  });

  it('leaves other keys and every modified key to the browser', () => {
    assert.equal(commandFor(press('x')), null);
    assert.equal(commandFor(press('E')), null);
    assert.equal(commandFor(press('r', { ctrlKey: true })), null);
    assert.equal(commandFor(press('ArrowLeft', { altKey: true })), null);
    assert.equal(commandFor(press('n', { metaKey: true })), null);
  });

  it('lists every command for the help overlay, keys as printed', () => {
    assert.equal(GROOMING_SHORTCUTS.shortcuts.length, 9);
    assert.deepEqual(GROOMING_SHORTCUTS.shortcuts.at(-1)?.keys, ['Esc']);
    assert.equal(keyName('ArrowDown'), '↓');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { backlogItem } from '../../api/backlog-item-fixture.ts';
import type { BacklogItemT } from '../../api/types.ts';
import {
  draftMayBeEdited,
  findItemsToAdd,
  formatDate,
  progressText,
  unshippedQuestion,
} from './release-text.ts';

function item(key: string, title: string, overrides: Partial<BacklogItemT> = {}): BacklogItemT {
  return backlogItem({ key, title, ...overrides });
}

describe('findItemsToAdd', () => {
  const items = [
    item('CHK-1', 'Pay by card'),
    item('CHK-2', 'Refund a card payment', { status: 'done' }),
    item('CHK-12', 'Card wallet', { releaseId: 'r1' }),
    item('CHK-21', 'Gift cards'),
  ];

  it('matches every word in the key or the title, leaving out the release’s own items', () => {
    assert.deepEqual(
      findItemsToAdd(items, 'card', 'r1').map((i) => i.key),
      ['CHK-2', 'CHK-1', 'CHK-21'],
    );
    assert.deepEqual(
      findItemsToAdd(items, 'card pay', 'r1').map((i) => i.key),
      ['CHK-2', 'CHK-1'],
    );
  });

  it('puts a key typed in full first', () => {
    assert.equal(findItemsToAdd(items, 'chk-21', 'r1')[0]?.key, 'CHK-21');
  });

  it('finds nothing for blank text, and at most the limit', () => {
    assert.deepEqual(findItemsToAdd(items, '  ', 'r1'), []);
    assert.equal(findItemsToAdd(items, 'chk', 'r1', 2).length, 2);
  });
});

describe('draftMayBeEdited', () => {
  const at = '2025-01-01T10:00:00.000Z';
  it('is false for an empty draft or one untouched since it was generated', () => {
    assert.equal(draftMayBeEdited({ notesDraft: '', notesGeneratedAt: null, updatedAt: at }), false);
    assert.equal(draftMayBeEdited({ notesDraft: '# 1.0', notesGeneratedAt: at, updatedAt: at }), false);
  });

  it('is true for a hand-written draft or one changed after it was generated', () => {
    assert.equal(draftMayBeEdited({ notesDraft: '# 1.0', notesGeneratedAt: null, updatedAt: at }), true);
    assert.equal(
      draftMayBeEdited({ notesDraft: '# 1.0', notesGeneratedAt: at, updatedAt: '2025-01-01T11:00:00.000Z' }),
      true,
    );
  });
});

describe('release text', () => {
  it('writes dates and progress as people read them', () => {
    assert.equal(formatDate('2025-05-14'), '14 May 2025');
    assert.equal(progressText({ itemCount: 0, doneCount: 0 }), 'No items yet');
    assert.equal(progressText({ itemCount: 1, doneCount: 1 }), '1 of 1 item done');
    assert.equal(progressText({ itemCount: 5, doneCount: 3 }), '3 of 5 items done');
  });
});

describe('unshippedQuestion', () => {
  it('asks before publishing the notes of a release that has not shipped, naming its state', () => {
    const question = unshippedQuestion({ name: '1.2', state: 'planned' });
    assert.equal(question?.title, '1.2 has not shipped yet — publish its notes anyway?');
    assert.match(question?.detail ?? '', /Planned/);
    assert.match(unshippedQuestion({ name: '1.3', state: 'cancelled' })?.title ?? '', /1\.3 was cancelled/);
  });

  it('does not ask once the release has shipped', () => {
    assert.equal(unshippedQuestion({ name: '1.2', state: 'released' }), null);
  });
});

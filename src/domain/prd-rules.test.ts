import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  canMove,
  everyoneApproved,
  PRD_STATUSES,
  type ReviewerState,
  recordDecision,
  resetDecisions,
  withReviewers,
} from './prd-rules.ts';

const reviewer = (userId: string, decision: ReviewerState['decision'] = 'pending'): ReviewerState => ({
  userId,
  decision,
  decidedAt: decision === 'pending' ? null : '2026-01-01T00:00:00Z',
});

describe('PRD statuses', () => {
  it('moves forward one step, or back one step to rework; superseded is final', () => {
    assert.ok(canMove('draft', 'in_review'));
    assert.ok(canMove('in_review', 'approved'));
    assert.ok(canMove('in_review', 'draft'));
    assert.ok(canMove('approved', 'superseded'));
    assert.ok(canMove('approved', 'in_review'));
    assert.ok(!canMove('draft', 'approved'));
    assert.ok(!canMove('draft', 'superseded'));
    for (const to of PRD_STATUSES) assert.ok(!canMove('superseded', to));
  });

  it('never allows staying in place as a move', () => {
    for (const status of PRD_STATUSES) assert.ok(!canMove(status, status));
  });
});

describe('PRD reviewers', () => {
  it('approves only with at least one reviewer, every one approved', () => {
    assert.equal(everyoneApproved([]), false);
    assert.equal(everyoneApproved([reviewer('a', 'approved'), reviewer('b')]), false);
    assert.equal(everyoneApproved([reviewer('a', 'approved'), reviewer('b', 'changes_requested')]), false);
    assert.equal(everyoneApproved([reviewer('a', 'approved'), reviewer('b', 'approved')]), true);
  });

  it('keeps the decisions of reviewers who stay, new ones pending, without repeats', () => {
    const next = withReviewers(
      [reviewer('a', 'approved'), reviewer('b', 'changes_requested')],
      ['c', 'a', 'c'],
    );
    assert.deepEqual(next, [reviewer('c'), reviewer('a', 'approved')]);
  });

  it('records one decision, and resets every decision for a new round', () => {
    const decided = recordDecision([reviewer('a'), reviewer('b')], 'b', 'approved', '2026-02-02T00:00:00Z');
    assert.deepEqual(decided[1], { userId: 'b', decision: 'approved', decidedAt: '2026-02-02T00:00:00Z' });
    assert.deepEqual(decided[0], reviewer('a'));
    assert.deepEqual(resetDecisions(decided), [reviewer('a'), reviewer('b')]);
  });

  it('property: a list set from ids names exactly those ids once each, in first-seen order', () => {
    const user = fc.constantFrom<string>('a', 'b', 'c', 'd', 'e');
    fc.assert(
      fc.property(fc.array(user, { maxLength: 6 }), fc.array(user, { maxLength: 10 }), (held, ids) => {
        const current = [...new Set(held)].map((id) => reviewer(id, 'approved'));
        const next = withReviewers(current, ids);
        assert.deepEqual(
          next.map((r) => r.userId),
          [...new Set(ids)],
        );
        for (const r of next) assert.equal(r.decision, held.includes(r.userId) ? 'approved' : 'pending');
      }),
    );
  });
});

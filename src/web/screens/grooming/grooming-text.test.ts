import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  countText,
  depthDetail,
  depthText,
  estimateText,
  lastRefinedText,
  scoreText,
} from './grooming-text.ts';

describe('grooming text', () => {
  it('gives the backlog depth in sprints at the velocity', () => {
    const depth = { readyItems: 7, readyPoints: 70, velocity: 20, sprints: 3.5 };
    assert.equal(depthText(depth), '3.5 sprints of ready work at 20 points a sprint');
    assert.equal(depthDetail(depth), '7 items, 70 points');
    assert.equal(
      depthText({ readyItems: 1, readyPoints: 1, velocity: 1, sprints: 1 }),
      '1 sprint of ready work at 1 point a sprint',
    );
  });

  it('gives the ready points when there is no velocity yet, and says when there is no ready work', () => {
    assert.equal(
      depthText({ readyItems: 2, readyPoints: 5, velocity: null, sprints: null }),
      '5 points of ready work; no velocity yet to count it in sprints',
    );
    assert.equal(
      depthText({ readyItems: 0, readyPoints: 0, velocity: 20, sprints: 0 }),
      'No ready work beyond the active sprint',
    );
  });

  it('says when the backlog was last refined', () => {
    assert.equal(lastRefinedText(null), 'Last refined: never');
    assert.match(lastRefinedText('2025-05-14T10:00:00Z'), /^Last refined: 14 May 2025$/);
  });

  it('counts a list, saying when it names only the first items', () => {
    assert.equal(countText(3, 3), '3');
    assert.equal(countText(200, 1340), '200 of 1,340');
  });

  it('words estimates and similarity', () => {
    assert.equal(estimateText(null), 'no estimate');
    assert.equal(estimateText(2.5), '2.5 pts');
    assert.equal(estimateText(1), '1 pt');
    assert.equal(scoreText(0.876), '88 % alike');
  });
});

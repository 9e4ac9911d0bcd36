import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  DEFAULT_DEFINITION_OF_READY,
  FITS_SPRINT_BOUNDS,
  isUserStory,
  READY_RULES,
  REASON_CODES,
  RULE_LABELS,
  sprintFitLimit,
} from './definition-of-ready.ts';

const story = { asA: 'buyer', iWant: 'to pay by card', soThat: 'I need no cash' };

describe('isUserStory', () => {
  it('accepts a story with all three parts', () => {
    assert.equal(isUserStory(story), true);
    assert.equal(isUserStory({ asA: ' a ', iWant: 'b', soThat: 'c' }), true);
  });

  it('rejects a story with any part missing or only whitespace', () => {
    for (const part of ['asA', 'iWant', 'soThat'] as const) {
      assert.equal(isUserStory({ ...story, [part]: '' }), false, `${part} empty`);
      assert.equal(isUserStory({ ...story, [part]: ' \t\n ' }), false, `${part} whitespace`);
    }
  });

  it('rejects an item without a story', () => {
    assert.equal(isUserStory(null), false);
  });
});

describe('sprintFitLimit', () => {
  const limit = { maxPoints: 13, velocityShare: 0.5 };

  it('uses the fixed limit before there is a velocity', () => {
    assert.equal(sprintFitLimit(limit, null), 13);
  });

  it('always uses the fixed limit when the rule takes no share of the velocity', () => {
    assert.equal(sprintFitLimit({ maxPoints: 8, velocityShare: null }, 40), 8);
    assert.equal(sprintFitLimit({ maxPoints: 8, velocityShare: null }, null), 8);
  });

  it('uses the fixed limit when the velocity is zero', () => {
    assert.equal(sprintFitLimit(limit, 0), 13);
  });

  it('takes the share of the velocity, rounded to a tenth of a point', () => {
    assert.equal(sprintFitLimit(limit, 30), 15);
    assert.equal(sprintFitLimit(limit, 7), 3.5);
    assert.equal(sprintFitLimit({ maxPoints: 13, velocityShare: 1 / 3 }, 10), 3.3);
    assert.equal(sprintFitLimit({ maxPoints: 13, velocityShare: 0.25 }, 10.3), 2.6);
  });

  it('never asks for less than one point', () => {
    assert.equal(sprintFitLimit({ maxPoints: 13, velocityShare: 0.05 }, 4), 1);
    assert.equal(sprintFitLimit(limit, 0.1), 1);
  });

  it('is a share of the velocity, at least 1, within a twentieth of a point', () => {
    fc.assert(
      fc.property(
        fc.double({
          min: FITS_SPRINT_BOUNDS.velocityShare.min,
          max: FITS_SPRINT_BOUNDS.velocityShare.max,
          noNaN: true,
        }),
        fc.double({ min: 0.01, max: 10_000, noNaN: true }),
        fc.integer(FITS_SPRINT_BOUNDS.maxPoints),
        (velocityShare, velocity, maxPoints) => {
          const result = sprintFitLimit({ maxPoints, velocityShare }, velocity);
          assert.ok(result >= 1);
          const exact = velocityShare * velocity;
          if (exact >= 1) assert.ok(Math.abs(result - exact) <= 0.05 + 1e-9, `${result} vs ${exact}`);
          assert.equal(Math.round(result * 10) / 10, result, 'a tenth of a point at most');
        },
      ),
    );
  });
});

describe('Definition of Ready tables', () => {
  it('gives every rule one distinct reason code and a label', () => {
    assert.deepEqual(Object.keys(REASON_CODES).sort(), [...READY_RULES].sort());
    assert.equal(new Set(Object.values(REASON_CODES)).size, READY_RULES.length);
    assert.deepEqual(Object.keys(RULE_LABELS).sort(), [...READY_RULES].sort());
    for (const rule of READY_RULES) assert.ok(RULE_LABELS[rule].trim() !== '', `${rule} has a label`);
    assert.equal(new Set(READY_RULES).size, READY_RULES.length);
  });

  it('switches on only known rules by default, within the bounds a setting may hold', () => {
    for (const rule of DEFAULT_DEFINITION_OF_READY.enabled) assert.ok(READY_RULES.includes(rule));
    const { maxPoints, velocityShare } = DEFAULT_DEFINITION_OF_READY.fitsSprint;
    assert.ok(maxPoints >= FITS_SPRINT_BOUNDS.maxPoints.min && maxPoints <= FITS_SPRINT_BOUNDS.maxPoints.max);
    assert.ok(
      velocityShare === null ||
        (velocityShare >= FITS_SPRINT_BOUNDS.velocityShare.min &&
          velocityShare <= FITS_SPRINT_BOUNDS.velocityShare.max),
    );
  });
});

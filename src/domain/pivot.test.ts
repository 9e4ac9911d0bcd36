import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isPivot, PIVOT_FIELDS, unannouncedPivots } from './pivot.ts';
import type { BaselineInitiative, InitiativeEvent } from './roadmap-diff.ts';

const initiative = (id: string, confidence: string): BaselineInitiative => ({
  id,
  title: id,
  themeId: null,
  horizon: 'now',
  startDate: null,
  targetDate: '2026-03-31',
  confidence,
  status: 'active',
  visibility: 'internal',
});

const ev = (
  id: number,
  entityId: string,
  changes: InitiativeEvent['changes'],
  action = 'updated',
): InitiativeEvent => ({
  id,
  entityId,
  at: `2026-02-0${(id % 9) + 1}T10:00:00Z`,
  actorId: 'ann',
  action,
  changes,
});

describe('isPivot', () => {
  it('is a change to when or whether a committed initiative ships', () => {
    assert.equal(isPivot('committed', { horizon: ['now', 'next'] }), true);
    assert.equal(isPivot('committed', { confidence: ['committed', 'planned'] }), true);
    assert.equal(isPivot('committed', { title: ['A', 'B'] }), false, 'a new title is no pivot');
    assert.equal(isPivot('planned', { horizon: ['now', 'next'] }), false, 'only committed work pivots');
  });

  it('holds for any pivot field of a committed initiative, and never for an uncommitted one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PIVOT_FIELDS),
        fc.constantFrom('planned', 'exploratory'),
        (field, other) => {
          assert.equal(isPivot('committed', { [field]: ['x', 'y'] }), true);
          assert.equal(isPivot(other, { [field]: ['x', 'y'] }), false);
        },
      ),
    );
  });
});

describe('unannouncedPivots', () => {
  it('follows confidence from the baseline through the events', () => {
    const baseline = [initiative('a', 'committed'), initiative('b', 'planned')];
    const events = [
      ev(1, 'b', { confidence: ['planned', 'committed'] }), // b becomes committed: not a pivot (was planned)
      ev(2, 'b', { horizon: ['now', 'next'] }), // now a pivot
      ev(3, 'a', { title: ['a', 'A'] }), // no pivot field
      ev(4, 'a', { targetDate: ['2026-03-31', '2026-04-30'] }), // pivot, announced
      ev(5, 'a', { confidence: ['committed', 'planned'] }), // pivot
      ev(6, 'a', { horizon: ['now', 'later'] }), // no longer committed
      ev(7, 'c', { confidence: [null, 'committed'] }, 'created'),
      ev(8, 'c', { status: ['proposed', 'active'] }), // created committed after the baseline: pivot
    ];
    const pivots = unannouncedPivots(baseline, events, new Set([4]));
    assert.deepEqual(
      pivots.map((p) => p.eventId),
      [2, 5, 8],
    );
  });

  it('lists nothing announced, and nothing made to an uncommitted initiative', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            who: fc.constantFrom('a', 'b'),
            field: fc.constantFrom('horizon', 'title', 'confidence', 'status'),
            to: fc.constantFrom('committed', 'planned', 'x', 'y'),
            announced: fc.boolean(),
          }),
          { maxLength: 30 },
        ),
        (steps) => {
          const baseline = [initiative('a', 'committed'), initiative('b', 'exploratory')];
          const confidence = new Map(baseline.map((i) => [i.id, i.confidence]));
          const events: InitiativeEvent[] = [];
          const announced = new Set<number>();
          const expected: number[] = [];
          steps.forEach((step, i) => {
            const before = confidence.get(step.who);
            const old = step.field === 'confidence' ? before : 'old';
            const e = ev(i + 1, step.who, { [step.field]: [old, step.to] });
            events.push(e);
            if (step.announced) announced.add(e.id);
            const pivot = before === 'committed' && step.field !== 'title' && old !== step.to;
            if (pivot && !step.announced) expected.push(e.id);
            if (step.field === 'confidence') confidence.set(step.who, step.to);
          });
          const found = unannouncedPivots(baseline, [...events].reverse(), announced).map((p) => p.eventId);
          assert.deepEqual(found, expected);
        },
      ),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type ClosedSprintFacts, VELOCITY_SPRINTS, velocities, velocityFor } from './velocity.ts';

let next = 0;
function sprint(overrides: Partial<ClosedSprintFacts> = {}): ClosedSprintFacts {
  next += 1;
  return {
    id: `s${String(next).padStart(3, '0')}`,
    teamId: 'red',
    state: 'closed',
    completedPoints: 10,
    closedAt: `2024-01-${String(next % 28).padStart(2, '0')}T12:00:00Z`,
    ...overrides,
  };
}

const closedOn = (day: number, completedPoints: number | null, teamId: string | null = 'red') =>
  sprint({ teamId, completedPoints, closedAt: `2024-03-${String(day).padStart(2, '0')}T09:00:00Z` });

describe('velocities', () => {
  it('has no velocity before a sprint closes', () => {
    const v = velocities([sprint({ state: 'planned' }), sprint({ state: 'active', closedAt: null })]);
    assert.equal(v.product, null);
    assert.equal(v.byTeam.size, 0);
    assert.deepEqual(velocities([]), { byTeam: new Map(), product: null });
  });

  it('averages the last three closed sprints by closing date, newest first, whatever the input order', () => {
    assert.equal(VELOCITY_SPRINTS, 3);
    const sprints = [closedOn(5, 100), closedOn(20, 9), closedOn(10, 3), closedOn(15, 6), closedOn(1, 50)];
    const v = velocities(sprints);
    assert.equal(v.product, 6);
    assert.equal(v.byTeam.get('red'), 6);
    assert.equal(velocities([...sprints].reverse()).product, 6);
  });

  it('averages over fewer sprints while there are fewer than three', () => {
    assert.equal(velocities([closedOn(1, 4)]).product, 4);
    assert.equal(velocities([closedOn(1, 4), closedOn(2, 7)]).product, 5.5);
  });

  it('ignores planned and active sprints, however many points they hold', () => {
    const v = velocities([
      closedOn(1, 6),
      sprint({ state: 'active', completedPoints: 99, closedAt: null }),
      sprint({ state: 'planned', completedPoints: 99, closedAt: '2099-01-01T00:00:00Z' }),
    ]);
    assert.equal(v.product, 6);
    assert.equal(v.byTeam.get('red'), 6);
  });

  it('counts a closed sprint without completed points as 0', () => {
    assert.equal(velocities([closedOn(1, null), closedOn(2, 9)]).product, 4.5);
  });

  it('computes each team over its own sprints and the product over all, team-less ones included', () => {
    const v = velocities([
      closedOn(1, 30, 'red'),
      closedOn(2, 10, 'red'),
      closedOn(3, 20, 'blue'),
      closedOn(4, 2, null),
      closedOn(5, 8, 'red'),
    ]);
    assert.equal(v.byTeam.get('red'), 16);
    assert.equal(v.byTeam.get('blue'), 20);
    assert.equal(v.byTeam.has('null'), false);
    assert.equal(v.byTeam.size, 2);
    // Product: days 5, 4 and 3.
    assert.equal(v.product, 10);
  });

  it('breaks a tie on the closing time by the larger id', () => {
    const at = '2024-05-01T10:00:00Z';
    const sprints = [
      sprint({ id: 'a', closedAt: at, completedPoints: 100 }),
      sprint({ id: 'b', closedAt: at, completedPoints: 1 }),
      sprint({ id: 'c', closedAt: at, completedPoints: 2 }),
      sprint({ id: 'd', closedAt: at, completedPoints: 3 }),
    ];
    assert.equal(velocities(sprints).product, 2);
  });

  it('is the mean of the newest three closed sprints (property)', () => {
    const sprintArb = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      teamId: fc.constantFrom('red', 'blue', null),
      state: fc.constantFrom('planned' as const, 'active' as const, 'closed' as const),
      completedPoints: fc.option(fc.integer({ min: 0, max: 50 })),
      closedAt: fc.option(
        fc.integer({ min: 1, max: 28 }).map((d) => `2024-02-${String(d).padStart(2, '0')}`),
      ),
    });
    fc.assert(
      fc.property(fc.uniqueArray(sprintArb, { maxLength: 12, selector: (s) => s.id }), (sprints) => {
        const closed = sprints
          .filter((s) => s.state === 'closed')
          // Newest first; a closed sprint without a closing time counts as the oldest; ties: larger id first.
          .sort((a, b) => {
            const [x, y] = [a.closedAt ?? '', b.closedAt ?? ''];
            if (x !== y) return x < y ? 1 : -1;
            return a.id < b.id ? 1 : -1;
          });
        const mean = (list: typeof closed) =>
          list.slice(0, 3).reduce((sum, s) => sum + (s.completedPoints ?? 0), 0) / Math.min(3, list.length);
        const v = velocities(sprints);
        assert.equal(v.product, closed.length === 0 ? null : mean(closed));
        for (const team of ['red', 'blue']) {
          const own = closed.filter((s) => s.teamId === team);
          assert.equal(v.byTeam.get(team), own.length === 0 ? undefined : mean(own));
        }
      }),
    );
  });
});

describe('velocityFor', () => {
  const v = velocities([closedOn(1, 12, 'red'), closedOn(2, 4, 'blue'), closedOn(3, 2, null)]);

  it("takes the team's velocity when the team has one", () => {
    assert.equal(velocityFor(v, 'red'), 12);
    assert.equal(velocityFor(v, 'blue'), 4);
  });

  it("falls back to the product's for work outside a team or of a team with no closed sprint", () => {
    assert.equal(velocityFor(v, null), 6);
    assert.equal(velocityFor(v, 'green'), 6);
  });

  it('is null before any sprint closes', () => {
    assert.equal(velocityFor(velocities([]), 'red'), null);
    assert.equal(velocityFor(velocities([]), null), null);
  });

  it("keeps a team's velocity of 0 rather than falling back", () => {
    const zero = velocities([closedOn(1, 0, 'red'), closedOn(2, 30, 'blue')]);
    assert.equal(velocityFor(zero, 'red'), 0);
  });
});

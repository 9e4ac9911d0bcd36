import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Changes } from './changes.ts';
import {
  type BaselineInitiative,
  DIFF_FIELDS,
  type InitiativeEvent,
  isEmptyDiff,
  roadmapDiff,
} from './roadmap-diff.ts';

const base = (id: string, overrides: Partial<BaselineInitiative> = {}): BaselineInitiative => ({
  id,
  title: `Initiative ${id}`,
  themeId: null,
  horizon: 'now',
  startDate: '2026-01-05',
  targetDate: '2026-03-31',
  confidence: 'committed',
  status: 'active',
  visibility: 'internal',
  ...overrides,
});

let nextId = 1;
const event = (entityId: string, action: string, changes: Changes, actorId = 'ann'): InitiativeEvent => {
  const id = nextId++;
  return {
    id,
    entityId,
    at: `2026-02-01T00:00:${String(id % 60).padStart(2, '0')}Z`,
    actorId,
    action,
    changes,
  };
};

describe('roadmapDiff', () => {
  it('lists a move between horizons, shifted dates and changed confidence, each with who and when', () => {
    const before = [base('a'), base('b')];
    const after = [
      base('a', { horizon: 'next', targetDate: '2026-05-31' }),
      base('b', { confidence: 'planned' }),
    ];
    const moved = event('a', 'updated', { horizon: ['now', 'later'] }, 'ann');
    const movedBack = event('a', 'updated', { horizon: ['later', 'next'] }, 'bob');
    const redated = event('a', 'updated', { targetDate: ['2026-03-31', '2026-05-31'] }, 'cy');
    const lessSure = event('b', 'updated', { confidence: ['committed', 'planned'] }, 'dee');
    const diff = roadmapDiff(before, after, [moved, movedBack, redated, lessSure]);
    assert.deepEqual(diff.added, []);
    assert.deepEqual(diff.removed, []);
    assert.deepEqual(
      diff.changes.map((c) => [c.initiativeId, c.kind, c.before, c.after, c.by?.actorId]),
      [
        ['a', 'moved', 'now', 'next', 'bob'],
        ['a', 'dates', '2026-03-31', '2026-05-31', 'cy'],
        ['b', 'confidence', 'committed', 'planned', 'dee'],
      ],
    );
    assert.equal(diff.changes[0]?.by?.eventId, movedBack.id, 'the last event that set the final value');
  });

  it('counts an initiative trashed after the baseline as removed, and one restored as added', () => {
    const before = [base('a'), base('b')];
    const after = [base('b'), base('c')];
    const trashed = event('a', 'deleted', { deletedAt: [null, '2026-02-02T00:00:00Z'] }, 'ann');
    const restored = event('c', 'restored', { deletedAt: ['2026-01-01T00:00:00Z', null] }, 'bob');
    const diff = roadmapDiff(before, after, [trashed, restored]);
    assert.deepEqual(
      diff.removed.map((r) => [r.initiative.id, r.by?.eventId]),
      [['a', trashed.id]],
    );
    assert.deepEqual(
      diff.added.map((r) => [r.initiative.id, r.by?.eventId]),
      [['c', restored.id]],
    );
  });

  it('names nobody for a change whose event is outside the window read', () => {
    const diff = roadmapDiff([base('a')], [base('a', { status: 'done' })], []);
    assert.equal(diff.changes[0]?.by, null);
  });

  it('is empty for a roadmap that changed and changed back', () => {
    const there = event('a', 'updated', { horizon: ['now', 'next'] });
    const back = event('a', 'updated', { horizon: ['next', 'now'] });
    assert.ok(isEmptyDiff(roadmapDiff([base('a')], [base('a')], [there, back])));
  });
});

// ---- properties: a random history of events over a random baseline ----

const FIELD_VALUES: Record<(typeof DIFF_FIELDS)[number], (string | null)[]> = {
  horizon: ['now', 'next', 'later'],
  startDate: [null, '2026-01-05', '2026-02-02'],
  targetDate: [null, '2026-03-31', '2026-06-30'],
  confidence: ['committed', 'planned', 'exploratory'],
  status: ['proposed', 'active', 'done', 'dropped'],
  title: ['One', 'Two', 'Three'],
  themeId: [null, 't1', 't2'],
  visibility: ['internal', 'public'],
};

const op = fc.oneof(
  fc.record({
    kind: fc.constant('update' as const),
    id: fc.integer({ min: 0, max: 7 }),
    field: fc.constantFrom(...DIFF_FIELDS),
    value: fc.integer({ min: 0, max: 3 }),
    actor: fc.constantFrom('ann', 'bob', 'cy'),
  }),
  fc.record({
    kind: fc.constantFrom('trash' as const, 'restore' as const, 'create' as const),
    id: fc.integer({ min: 0, max: 7 }),
  }),
);

interface Op {
  kind: string;
  id: number;
  field?: (typeof DIFF_FIELDS)[number];
  value?: number;
  actor?: string;
}

function simulate(initialIds: number[], ops: Op[]) {
  const live = new Map<string, BaselineInitiative>();
  const trash = new Map<string, BaselineInitiative>();
  for (const n of initialIds) live.set(`i${n}`, base(`i${n}`));
  const from = [...live.values()].map((i) => ({ ...i }));
  const events: InitiativeEvent[] = [];
  for (const o of ops) {
    const id = `i${o.id}`;
    if (o.kind === 'update' && o.field) {
      const current = live.get(id);
      if (!current) continue;
      const values = FIELD_VALUES[o.field];
      const value = values[(o.value ?? 0) % values.length] ?? null;
      if (current[o.field] === value) continue;
      events.push(event(id, 'updated', { [o.field]: [current[o.field], value] }, o.actor));
      live.set(id, { ...current, [o.field]: value });
    } else if (o.kind === 'trash' && live.has(id)) {
      trash.set(id, live.get(id) as BaselineInitiative);
      live.delete(id);
      events.push(event(id, 'deleted', { deletedAt: [null, 'x'] }));
    } else if (o.kind === 'restore' && trash.has(id)) {
      live.set(id, trash.get(id) as BaselineInitiative);
      trash.delete(id);
      events.push(event(id, 'restored', { deletedAt: ['x', null] }));
    } else if (o.kind === 'create' && !live.has(id) && !trash.has(id)) {
      const created = base(id, { horizon: 'later', confidence: 'exploratory' });
      live.set(id, created);
      events.push(event(id, 'created', { title: [null, created.title], horizon: [null, 'later'] }));
    }
  }
  return { from, to: [...live.values()], events };
}

const history = fc.record({
  ids: fc.uniqueArray(fc.integer({ min: 0, max: 7 }), { maxLength: 6 }),
  ops: fc.array(op, { maxLength: 40 }),
});

describe('roadmapDiff (properties)', () => {
  it('is empty between a snapshot and itself', () => {
    fc.assert(
      fc.property(history, ({ ids, ops }) => {
        const { to } = simulate(ids, ops);
        assert.ok(isEmptyDiff(roadmapDiff(to, to, [])));
      }),
    );
  });

  it('adds and removes exactly the initiatives that appeared and disappeared, never both', () => {
    fc.assert(
      fc.property(history, ({ ids, ops }) => {
        const { from, to, events } = simulate(ids, ops);
        const diff = roadmapDiff(from, to, events);
        const fromIds = new Set(from.map((i) => i.id));
        const toIds = new Set(to.map((i) => i.id));
        const added = diff.added.map((a) => a.initiative.id).sort();
        const removed = diff.removed.map((r) => r.initiative.id).sort();
        assert.deepEqual(added, [...toIds].filter((id) => !fromIds.has(id)).sort());
        assert.deepEqual(removed, [...fromIds].filter((id) => !toIds.has(id)).sort());
        assert.ok(added.every((id) => !removed.includes(id)));
      }),
    );
  });

  it('reports only real changes, each attributed to the last event that set its final value', () => {
    fc.assert(
      fc.property(history, ({ ids, ops }) => {
        const { from, to, events } = simulate(ids, ops);
        const diff = roadmapDiff(from, to, events);
        for (const change of diff.changes) {
          assert.notEqual(change.before, change.after);
          const setting = events.filter(
            (e) => e.entityId === change.initiativeId && e.changes[change.field]?.[1] === change.after,
          );
          assert.ok(change.by, 'every change came from an event');
          assert.equal(change.by.eventId, setting.at(-1)?.id);
        }
      }),
    );
  });
});

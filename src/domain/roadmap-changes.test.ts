import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { roadmapChanges } from './alignment.ts';

describe('roadmapChanges', () => {
  const event = (action: string, changes: Record<string, unknown> = {}) => ({
    entityId: 'i1',
    at: '2024-05-02T10:00:00Z',
    actorId: 'u1' as string | null,
    action,
    changes,
  });

  it('reads creation, restoring and trashing as the initiative joining or leaving the roadmap', () => {
    assert.deepEqual(
      roadmapChanges([
        event('created', { horizon: [null, 'now'], title: [null, 'Billing'] }),
        event('deleted', { deletedAt: [null, '2024-05-02T10:00:00Z'] }),
        { ...event('restored'), actorId: null },
      ]),
      [
        {
          initiativeId: 'i1',
          at: '2024-05-02T10:00:00Z',
          actorId: 'u1',
          field: 'created',
          before: null,
          after: null,
        },
        {
          initiativeId: 'i1',
          at: '2024-05-02T10:00:00Z',
          actorId: 'u1',
          field: 'deleted',
          before: null,
          after: null,
        },
        {
          initiativeId: 'i1',
          at: '2024-05-02T10:00:00Z',
          actorId: null,
          field: 'created',
          before: null,
          after: null,
        },
      ],
    );
  });

  it('reads the roadmap fields of an update, in a fixed order, and ignores the rest', () => {
    const changes = roadmapChanges([
      event('updated', {
        status: ['proposed', 'active'],
        title: ['Old', 'New'],
        targetDate: [null, '2024-06-30'],
        horizon: ['later', 'now'],
        startDate: ['2024-05-01', '2024-05-03'],
        objectiveIds: [[], ['o1']],
      }),
    ]);
    assert.deepEqual(
      changes.map((c) => [c.field, c.before, c.after]),
      [
        ['horizon', 'later', 'now'],
        ['startDate', '2024-05-01', '2024-05-03'],
        ['targetDate', null, '2024-06-30'],
        ['status', 'proposed', 'active'],
      ],
    );
  });

  it('skips malformed changes and updates that touch no roadmap field', () => {
    assert.deepEqual(
      roadmapChanges([
        event('updated', { title: ['a', 'b'] }),
        event('updated', { horizon: 'now', status: ['a'], targetDate: [1, 2, 3], startDate: null }),
      ]),
      [],
    );
    assert.deepEqual(roadmapChanges([]), []);
  });
});

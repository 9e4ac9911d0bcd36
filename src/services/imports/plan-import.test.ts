import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportBundle, ImportedItem } from '../../importers/bundle.ts';
import type { ItemFields } from './import-fields.ts';
import { type ExistingState, planImport } from './plan-import.ts';

function item(externalKey: string, overrides: Partial<ImportedItem> = {}): ImportedItem {
  return {
    externalKey,
    line: 2,
    type: 'story',
    title: `Title of ${externalKey}`,
    description: '',
    sourceStatus: 'To Do',
    acceptanceCriteria: [],
    estimate: null,
    labels: [],
    initiativeKey: null,
    sprintKey: null,
    releaseKey: null,
    priority: null,
    dueDate: null,
    createdAt: null,
    updatedAt: null,
    comments: [],
    ...overrides,
  };
}

function bundle(overrides: Partial<ImportBundle> = {}): ImportBundle {
  return {
    format: 'jira-csv',
    rows: 0,
    items: [],
    initiatives: [],
    sprints: [],
    releases: [],
    dependencies: [],
    skipped: [],
    statuses: [],
    ...overrides,
  };
}

function emptyState(): ExistingState {
  return {
    links: { item: new Map(), initiative: new Map(), sprint: new Map(), release: new Map() },
    items: new Map(),
    initiatives: new Map(),
    sprintsByName: new Map(),
    sprintStates: new Map(),
    releasesByName: new Map(),
    releaseIds: new Set(),
    dependencies: new Set(),
  };
}

const fields = (overrides: Partial<ItemFields> = {}): ItemFields => ({
  type: 'story',
  title: 'Title of A-1',
  description: '',
  status: 'backlog',
  estimate: null,
  labels: [],
  acceptanceCriteria: [],
  initiativeId: null,
  sprintId: null,
  releaseId: null,
  ...overrides,
});

const TODAY = '2026-12-08';
const mapping = { 'To Do': 'backlog' as const };

describe('planImport', () => {
  it('updates fields changed in the source and keeps those edited in Cairn as conflicts', () => {
    const state = emptyState();
    const imported = fields({ estimate: 3 });
    state.links.item.set('A-1', { entityId: 'id-1', imported: { ...imported } });
    state.items.set('id-1', {
      key: 'P-1',
      trashed: false,
      fields: { ...imported, title: 'Edited in Cairn' },
    });
    const plan = planImport(
      bundle({ items: [item('A-1', { title: 'New title', estimate: 5 })] }),
      mapping,
      state,
      TODAY,
    );
    const [planned] = plan.items;
    assert.equal(planned?.action, 'update');
    assert.deepEqual(planned?.changes, { estimate: 5 });
    assert.deepEqual(planned?.conflicts, [
      { field: 'title', cairnValue: 'Edited in Cairn', importedValue: 'New title' },
    ]);
  });

  it('leaves an unchanged row, and skips a row whose item was deleted in Cairn', () => {
    const state = emptyState();
    state.links.item.set('A-1', { entityId: 'id-1', imported: { ...fields() } });
    state.items.set('id-1', { key: 'P-1', trashed: false, fields: fields() });
    state.links.item.set('A-2', { entityId: 'id-2', imported: { ...fields() } });
    state.items.set('id-2', { key: 'P-2', trashed: true, fields: fields() });
    const plan = planImport(
      bundle({ items: [item('A-1'), item('A-2'), item('A-1')] }),
      mapping,
      state,
      TODAY,
    );
    assert.deepEqual(
      plan.items.map((i) => [i.externalKey, i.action]),
      [['A-1', 'unchanged']],
    );
    assert.deepEqual(
      plan.skipped.map((s) => s.externalKey),
      ['A-2', 'A-1'],
    );
    assert.match(plan.skipped[0]!.reason, /P-2 was deleted in Cairn/);
  });

  it('gives dateless sprints placeholder dates back to back and finds releases by name', () => {
    const state = emptyState();
    state.releasesByName.set('1.0', 'rel-1');
    state.releaseIds.add('rel-1');
    const plan = planImport(
      bundle({
        items: [item('A-1', { sprintKey: 'S1', releaseKey: 'v1' })],
        sprints: [
          { externalKey: 'S1', name: 'Sprint 1', state: null, startDate: null, endDate: null },
          { externalKey: 'S2', name: 'Sprint 2', state: null, startDate: null, endDate: null },
        ],
        releases: [{ externalKey: 'v1', name: '1.0', releaseDate: null, released: false }],
      }),
      mapping,
      state,
      TODAY,
    );
    assert.deepEqual(
      plan.containers.sprints.map((s) => [s.name, s.startDate, s.endDate]),
      [
        ['Sprint 1', '2026-12-08', '2026-12-21'],
        ['Sprint 2', '2026-12-22', '2027-01-04'],
      ],
    );
    assert.equal(plan.items[0]?.fields.sprintId, 'new:sprint:S1');
    assert.equal(plan.items[0]?.fields.releaseId, 'rel-1');
    assert.deepEqual(plan.containers.placeholderDates, ['S1', 'S2']);
  });

  it('skips links to items not imported and links that would close a cycle', () => {
    const plan = planImport(
      bundle({
        items: [item('A-1'), item('A-2'), item('A-3')],
        dependencies: [
          { blockerKey: 'A-1', blockedKey: 'A-2', line: 2 },
          { blockerKey: 'A-2', blockedKey: 'A-3', line: 3 },
          { blockerKey: 'A-3', blockedKey: 'A-1', line: 4 },
          { blockerKey: 'A-1', blockedKey: 'ZZ-9', line: 2 },
        ],
      }),
      mapping,
      emptyState(),
      TODAY,
    );
    assert.equal(plan.dependencies.length, 2);
    const reasons = plan.skipped.map((s) => s.reason);
    assert.ok(reasons.some((r) => r.includes('ZZ-9')));
    assert.ok(reasons.some((r) => r.includes('cycle')));
  });

  it('cuts overlong text to Cairn limits and removes NUL, never refusing the row', () => {
    const plan = planImport(
      bundle({
        items: [
          item('A-1', { title: `x\u0000${'y'.repeat(2_000)}`, labels: ['a,b', ' ', 'c'], estimate: -1 }),
        ],
      }),
      mapping,
      emptyState(),
      TODAY,
    );
    const planned = plan.items[0]!.fields;
    assert.equal(planned.title.length, 500);
    assert.ok(!planned.title.includes('\u0000'));
    assert.deepEqual(planned.labels, ['a b', 'c']);
    assert.equal(planned.estimate, null);
  });
});

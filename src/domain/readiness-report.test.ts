import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  DEFAULT_DEFINITION_OF_READY,
  type DefinitionOfReady,
  type ReadyRule,
} from './definition-of-ready.ts';
import { HIDDEN_ITEM_LABEL } from './hidden-item.ts';
import type { PlanningModel } from './planning-model.ts';
import { item, model, sprint } from './planning-model-fixtures.ts';
import { assessReadiness, blockersByItem, teamsOfItems } from './readiness-report.ts';

const rules = (...enabled: ReadyRule[]): DefinitionOfReady => ({
  enabled: new Set(enabled),
  fitsSprint: { maxPoints: 13, velocityShare: 0.5 },
});

const reasonsOf = (m: PlanningModel, definition: DefinitionOfReady = DEFAULT_DEFINITION_OF_READY) =>
  Object.fromEntries(
    assessReadiness(m, definition).map((r) => [r.key, r.reasons.map((reason) => reason.code)]),
  );

describe('assessReadiness', () => {
  it('reports every open item in rank order and leaves done and dropped work out', () => {
    const m = model({
      items: [
        item('C-3'),
        item('C-1', { status: 'done' }),
        item('C-2', { estimate: null }),
        item('C-4', { status: 'wont_do', estimate: null }),
        item('C-5', { status: 'in_review' }),
      ],
    });
    const report = assessReadiness(m, DEFAULT_DEFINITION_OF_READY);
    assert.deepEqual(
      report.map((r) => [r.itemId, r.key, r.ready]),
      [
        ['c-3', 'C-3', true],
        ['c-2', 'C-2', false],
        ['c-5', 'C-5', true],
      ],
    );
    assert.deepEqual(report[1]?.reasons, [{ code: 'no_estimate', message: 'no estimate' }]);
  });

  it('is blocked by an open item of the product, not by a done one', () => {
    const m = model({
      items: [item('A-1'), item('A-2', { status: 'done' }), item('A-3'), item('A-4')],
      dependencies: [
        { from: 'a-1', to: 'a-3', kind: 'technical' },
        { from: 'a-2', to: 'a-4', kind: 'business' },
      ],
    });
    const report = assessReadiness(m, DEFAULT_DEFINITION_OF_READY);
    const blocked = report.find((r) => r.key === 'A-3');
    assert.equal(blocked?.ready, false);
    assert.deepEqual(blocked?.reasons, [
      {
        code: 'blocked',
        message: 'blocked by A-1 "Title of A-1" (in the backlog)',
        blockers: [{ key: 'A-1', title: 'Title of A-1', external: false }],
      },
    ]);
    assert.equal(report.find((r) => r.key === 'A-4')?.ready, true);
    assert.equal(report.find((r) => r.key === 'A-1')?.ready, true, 'the blocker itself is not held back');
  });

  it('names a blocker in a product the reader may not see without its key or title', () => {
    const m = model({
      items: [item('A-1')],
      foreignBlockers: [{ itemId: 'a-1', blocker: null, status: 'in_progress', deleted: false }],
    });
    const [entry] = assessReadiness(m, DEFAULT_DEFINITION_OF_READY);
    assert.deepEqual(entry?.reasons, [
      {
        code: 'blocked',
        message: `blocked by ${HIDDEN_ITEM_LABEL}`,
        blockers: [{ key: null, title: null, external: false }],
      },
    ]);
    assert.ok(!JSON.stringify(entry).includes('in progress'), 'not even its status');
  });

  it('names a visible foreign blocker, and drops a foreign one that is done or trashed', () => {
    const m = model({
      items: [item('A-1'), item('A-2')],
      foreignBlockers: [
        {
          itemId: 'a-1',
          blocker: { id: 'x-9', key: 'OPS-9', title: 'Firewall' },
          status: 'ready',
          deleted: false,
        },
        { itemId: 'a-2', blocker: { id: 'x-8', key: 'OPS-8', title: 'Old' }, status: 'done', deleted: false },
        { itemId: 'a-2', blocker: null, status: 'ready', deleted: true },
      ],
    });
    const [first, second] = assessReadiness(m, DEFAULT_DEFINITION_OF_READY);
    assert.equal(first?.reasons[0]?.message, 'blocked by OPS-9 "Firewall" (ready)');
    assert.equal(second?.ready, true);
  });

  it('waits on an unmet external dependency, not on a met one', () => {
    const external = { owner: 'Legal', expectedDate: null };
    const m = model({
      items: [item('A-1'), item('A-2')],
      externals: [
        { id: 'e1', itemId: 'a-1', title: 'Contract signed', met: false, ...external },
        { id: 'e2', itemId: 'a-2', title: 'DPA signed', met: true, ...external },
      ],
    });
    assert.deepEqual(reasonsOf(m), { 'A-1': ['blocked'], 'A-2': [] });
    assert.equal(
      assessReadiness(m, DEFAULT_DEFINITION_OF_READY)[0]?.reasons[0]?.message,
      'waiting on "Contract signed" (external)',
    );
  });

  it("lists an item's blockers in rank order, then foreign ones, then externals", () => {
    const m = model({
      items: [item('A-1'), item('A-2'), item('A-3'), item('A-4')],
      dependencies: [
        { from: 'a-3', to: 'a-4', kind: 'technical' },
        { from: 'a-1', to: 'a-4', kind: 'technical' },
      ],
      foreignBlockers: [{ itemId: 'a-4', blocker: null, status: 'backlog', deleted: false }],
      externals: [{ id: 'e1', itemId: 'a-4', title: 'Vendor', owner: 'Ops', expectedDate: null, met: false }],
    });
    assert.deepEqual(
      blockersByItem(m)
        .get('a-4')
        ?.map((b) => b.title),
      ['Title of A-1', 'Title of A-3', null, 'Vendor'],
    );
  });

  it('does not look at blockers when "unblocked" is off', () => {
    const m = model({
      items: [item('A-1'), item('A-2')],
      dependencies: [{ from: 'a-1', to: 'a-2', kind: 'technical' }],
      externals: [{ id: 'e1', itemId: 'a-2', title: 'Vendor', owner: 'Ops', expectedDate: null, met: false }],
    });
    assert.deepEqual(reasonsOf(m, rules('estimated')), { 'A-1': [], 'A-2': [] });
  });

  it("measures an item in a team's sprint against that team's velocity, else the product's", () => {
    const m = model({
      items: [
        item('A-1', { estimate: 8, sprintId: 'red-now' }),
        item('A-2', { estimate: 8, sprintId: 'blue-now' }),
        item('A-3', { estimate: 8 }),
        item('A-4', { estimate: 8, sprintId: 'green-now' }),
      ],
      sprints: [
        // Red: velocity 20 (fits 10). Blue: velocity 10 (fits 5). Product: (20 + 10 + 12) / 3 = 14 (fits 7).
        sprint('red-1', { teamId: 'red', completedPoints: 20, closedAt: '2024-01-10T00:00:00Z' }),
        sprint('blue-1', { teamId: 'blue', completedPoints: 10, closedAt: '2024-01-11T00:00:00Z' }),
        sprint('none-1', { teamId: null, completedPoints: 12, closedAt: '2024-01-12T00:00:00Z' }),
        sprint('red-now', { teamId: 'red', state: 'active', completedPoints: null, closedAt: null }),
        sprint('blue-now', { teamId: 'blue', state: 'planned', completedPoints: null, closedAt: null }),
        sprint('green-now', { teamId: 'green', state: 'active', completedPoints: null, closedAt: null }),
      ],
    });
    assert.deepEqual(reasonsOf(m, rules('fits_sprint')), {
      'A-1': [],
      'A-2': ['too_large'],
      'A-3': ['too_large'],
      'A-4': ['too_large'],
    });
    const messages = assessReadiness(m, rules('fits_sprint')).map((r) => r.reasons[0]?.message);
    assert.deepEqual(messages, [
      undefined,
      '8 points is more than a sprint takes (at most 5); split it',
      '8 points is more than a sprint takes (at most 7); split it',
      '8 points is more than a sprint takes (at most 7); split it',
    ]);
  });

  it('uses the fixed limit before any sprint has closed', () => {
    const m = model({
      items: [item('A-1', { estimate: 13 }), item('A-2', { estimate: 14 })],
      sprints: [sprint('s1', { state: 'active', closedAt: null })],
    });
    assert.deepEqual(reasonsOf(m, rules('fits_sprint')), { 'A-1': [], 'A-2': ['too_large'] });
  });

  it('reads the story, description and initiative of model items', () => {
    const m = model({
      items: [
        item('A-1', { type: 'story', story: null, description: '', initiativeId: null }),
        item('A-2', {
          type: 'story',
          story: { asA: 'admin', iWant: 'exports', soThat: 'I can audit' },
          initiativeId: 'ini',
        }),
      ],
    });
    assert.deepEqual(reasonsOf(m, rules('user_story', 'description', 'initiative')), {
      'A-1': ['not_user_story', 'no_description', 'no_initiative'],
      'A-2': [],
    });
  });
});

describe('teamsOfItems', () => {
  it("gives an item its sprint's team, and none outside a sprint or in a team-less one", () => {
    const m = model({ sprints: [sprint('s-red', { teamId: 'red' }), sprint('s-none')] });
    const teamOf = teamsOfItems(m);
    assert.equal(teamOf(item('A-1', { sprintId: 's-red' })), 'red');
    assert.equal(teamOf(item('A-2', { sprintId: 's-none' })), null);
    assert.equal(teamOf(item('A-3')), null);
    assert.equal(teamOf(item('A-4', { sprintId: 'unknown' })), null);
  });
});

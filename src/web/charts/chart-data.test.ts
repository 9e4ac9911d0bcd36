import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BurndownDayT, BurndownT, CumulativeFlowT, VelocityChartT } from '../api/charts.ts';
import {
  afterEndSpan,
  burndownRows,
  burndownSummary,
  burnupSummary,
  fileSlug,
  flowRows,
  flowStatuses,
  flowSummary,
  scopeChangeText,
  signed,
  velocitySummary,
} from './chart-data.ts';

function day(date: string, overrides: Partial<BurndownDayT> = {}): BurndownDayT {
  return {
    date,
    afterEnd: false,
    remaining: 10,
    ideal: 10,
    done: 0,
    scope: 10,
    added: 0,
    removed: 0,
    reestimated: 0,
    reopened: 0,
    ...overrides,
  };
}

function burndown(days: BurndownDayT[], scopeChanges: BurndownT['scopeChanges'] = []): BurndownT {
  return {
    sprintId: 's1',
    timezone: 'UTC',
    startedAt: '2025-05-12T08:00:00.000Z',
    closedAt: null,
    asOf: '2025-05-14T12:00:00.000Z',
    committed: 30,
    remainingAtStart: 30,
    days,
    scopeChanges,
  };
}

describe('burndown numbers', () => {
  // 12–16 May 2025 is Monday to Friday.
  const days = [
    day('2025-05-12', { remaining: 30, ideal: 30, done: 0, scope: 30 }),
    day('2025-05-13', { remaining: 25, ideal: 22.5, done: 8, scope: 33, added: 3 }),
    day('2025-05-14', { remaining: 12, ideal: 15, done: 16, scope: 28, removed: 5 }),
    day('2025-05-15', { remaining: null, ideal: 7.5, done: null, scope: null }),
  ];
  const changes: BurndownT['scopeChanges'] = [
    {
      at: '2025-05-13T09:00:00.000Z',
      date: '2025-05-13',
      itemId: 'i12',
      key: 'CHK-12',
      title: 'Refunds',
      kind: 'added',
      points: 3,
    },
    {
      at: '2025-05-14T09:00:00.000Z',
      date: '2025-05-14',
      itemId: 'i4',
      key: 'CHK-4',
      title: 'Wallet',
      kind: 'removed',
      points: -5,
    },
  ];

  it('draws removals below the axis', () => {
    const rows = burndownRows(burndown(days));
    assert.equal(rows[2]?.removedBar, -5);
    assert.equal(rows[1]?.removedBar, 0);
  });

  it('says where the sprint stands on its last day so far, and that scope changed', () => {
    assert.equal(
      burndownSummary(burndown(days, changes)),
      '12 of 28 points remaining on Wed 14 May (ideal 15). Scope changed 2 times (net −2 points).',
    );
    assert.equal(
      burnupSummary(burndown(days)),
      '16 of 28 points done on Wed 14 May. Scope shrank by 2 points.',
    );
  });

  it('explains a sprint that has not started', () => {
    const planned = burndown([day('2025-05-12', { remaining: null, done: null, scope: null })]);
    assert.equal(burndownSummary(planned), 'The sprint has not started: 30 points planned.');
  });

  it('writes each scope change as a line a person reads', () => {
    assert.equal(scopeChangeText(changes[0] as BurndownT['scopeChanges'][number]), '+3 CHK-12 added Tue');
    assert.equal(scopeChangeText(changes[1] as BurndownT['scopeChanges'][number]), '−5 CHK-4 removed Wed');
    assert.equal(signed(2.25), '+2.3');
    assert.equal(signed(0), '±0');
  });

  it('shades the days past the end from the last planned day', () => {
    assert.equal(afterEndSpan(days), null);
    const late = [
      ...days.slice(0, 3),
      day('2025-05-15', { afterEnd: true }),
      day('2025-05-16', { afterEnd: true }),
    ];
    assert.deepEqual(afterEndSpan(late), { from: '2025-05-14', to: '2025-05-16' });
    assert.match(burndownSummary(burndown(late)), /past its end date/);
  });
});

describe('velocity summary', () => {
  const chart: VelocityChartT = {
    teamId: 't1',
    sprints: [
      {
        sprintId: 'a',
        name: 'Sprint 1',
        startDate: '2025-04-01',
        endDate: '2025-04-14',
        closedAt: '2025-04-14T17:00:00.000Z',
        committed: 20,
        completed: 18,
      },
      {
        sprintId: 'b',
        name: 'Sprint 2',
        startDate: '2025-04-15',
        endDate: '2025-04-28',
        closedAt: '2025-04-28T17:00:00.000Z',
        committed: 25,
        completed: 21,
      },
    ],
    mean: 19.5,
    min: 18,
    max: 21,
  };

  it('names the last sprint and the mean with its range', () => {
    assert.equal(
      velocitySummary(chart),
      '2 closed sprints. Sprint 2: 21 of 25 points completed. Mean of the last 2: 19.5 points (range 18–21).',
    );
  });

  it('says when there is nothing to show yet', () => {
    assert.match(
      velocitySummary({ ...chart, sprints: [], mean: null, min: null, max: null }),
      /No closed sprints/,
    );
  });
});

describe('cumulative flow numbers', () => {
  const none = { backlog: 0, ready: 0, in_progress: 0, in_review: 0, done: 0, wont_do: 0 };
  const flow: CumulativeFlowT = {
    from: '2025-05-13',
    to: '2025-05-14',
    timezone: 'UTC',
    statuses: ['done', 'backlog', 'in_progress'],
    days: [
      { date: '2025-05-13', counts: { ...none, backlog: 5, in_progress: 1 } },
      { date: '2025-05-14', counts: { ...none, backlog: 3, in_progress: 2, done: 1 } },
    ],
  };

  it('keeps the workflow order whatever order the statuses come in', () => {
    assert.deepEqual(flowStatuses(flow), ['backlog', 'in_progress', 'done']);
    assert.deepEqual(flowRows(flow)[1], { date: '2025-05-14', backlog: 3, in_progress: 2, done: 1 });
  });

  it('reads the last day aloud', () => {
    assert.equal(flowSummary(flow), 'On Wed 14 May: 3 Backlog, 2 In progress, 1 Done (6 items).');
  });
});

describe('fileSlug', () => {
  it('makes a safe file name part', () => {
    assert.equal(fileSlug('Sprint 4 / Payments'), 'sprint-4-payments');
    assert.equal(fileSlug('///'), 'chart');
  });
});

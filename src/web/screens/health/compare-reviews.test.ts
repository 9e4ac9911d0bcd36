import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatDay } from '../roadmap/initiative-text.ts';
import { compareSnapshots, deltaText, type FigureChange, inTimeOrder } from './compare-reviews.ts';
import type { SnapshotT } from './health-text.ts';

type Entry = SnapshotT['forecast'][number];

function entry(initiativeId: string, overrides: Partial<Entry> = {}): Entry {
  return {
    initiativeId,
    title: `Initiative ${initiativeId}`,
    targetDate: '2026-06-30',
    status: 'forecast',
    p50: '2026-05-01',
    p85: '2026-06-01',
    probabilityOnTime: 0.9,
    atRisk: false,
    ...overrides,
  };
}

function snapshot(overrides: {
  alignment?: Partial<SnapshotT['alignment']>;
  forecast?: Entry[];
  blockers?: Partial<SnapshotT['blockers']>;
  changesTotal?: number;
}): SnapshotT {
  return {
    alignment: {
      openItems: 40,
      openPoints: 100,
      linkedItemShare: 0.5,
      linkedPointShare: 0.5,
      orphanItems: 20,
      initiativesWithoutWork: 0,
      drift: {},
      ...overrides.alignment,
    },
    forecast: overrides.forecast ?? [],
    blockers: { blockedItems: 0, overdueExternals: 0, unmetExternals: 0, ...overrides.blockers },
    changes: [],
    changesTotal: overrides.changesTotal ?? 0,
  };
}

const byId = (figures: FigureChange[], id: string) => figures.find((f) => f.id === id);

describe('compareSnapshots', () => {
  it('shows a linked share before and after, its difference in percentage points as shown', () => {
    const result = compareSnapshots(
      snapshot({ alignment: { linkedItemShare: 0.624 } }),
      snapshot({ alignment: { linkedItemShare: 0.706 } }),
    );
    const linked = byId(result.figures, 'linkedItems');
    assert.equal(linked?.before, '62%');
    assert.equal(linked?.after, '71%');
    assert.equal(linked?.delta, 9);
    assert.equal(linked?.deltaText, '+9 pts');
    assert.equal(linked?.trend, 'better');
  });

  it('calls fewer orphans and blockers better, more worse, and the size of the backlog neither', () => {
    const result = compareSnapshots(
      snapshot({ alignment: { orphanItems: 20, openItems: 40 }, blockers: { blockedItems: 1 } }),
      snapshot({ alignment: { orphanItems: 12, openItems: 45 }, blockers: { blockedItems: 3 } }),
    );
    assert.deepEqual(
      [byId(result.figures, 'orphans')?.trend, byId(result.figures, 'orphans')?.deltaText],
      ['better', '−8'],
    );
    assert.equal(byId(result.figures, 'blocked')?.trend, 'worse');
    assert.equal(byId(result.figures, 'openItems')?.trend, 'neutral');
    assert.equal(byId(result.figures, 'unmet')?.trend, 'same');
    assert.equal(byId(result.figures, 'unmet')?.deltaText, 'no change');
  });

  it('rounds points to one decimal and their difference with them', () => {
    const result = compareSnapshots(
      snapshot({ alignment: { openPoints: 10.04 } }),
      snapshot({ alignment: { openPoints: 12.56 } }),
    );
    const open = byId(result.figures, 'openPoints');
    assert.deepEqual([open?.before, open?.after, open?.deltaText], ['10', '12.6', '+2.6']);
  });

  it('lists the initiatives that became at risk and those that stopped being at risk', () => {
    const earlier = snapshot({
      forecast: [entry('a', { atRisk: true }), entry('b'), entry('c', { atRisk: true })],
    });
    const later = snapshot({
      forecast: [entry('a'), entry('b', { atRisk: true }), entry('d', { atRisk: true })],
    });
    const result = compareSnapshots(earlier, later);
    assert.deepEqual(
      result.newlyAtRisk.map((r) => r.initiativeId),
      ['b', 'd'],
    );
    assert.deepEqual(
      result.noLongerAtRisk.map((r) => r.initiativeId),
      ['a', 'c'],
    );
    assert.equal(byId(result.figures, 'atRisk')?.deltaText, 'no change');
  });

  it('follows each initiative’s forecast, including one opened and one closed between the reviews', () => {
    const earlier = snapshot({ forecast: [entry('a', { probabilityOnTime: 0.5 }), entry('gone')] });
    const later = snapshot({
      forecast: [
        entry('a', { p85: null, probabilityOnTime: 0.25 }),
        entry('new', { status: 'insufficient-history', p85: null, probabilityOnTime: null }),
      ],
    });
    const moves = compareSnapshots(earlier, later).forecasts;
    assert.deepEqual(
      moves.map((m) => [m.initiativeId, m.before, m.after, m.onTimeBefore, m.onTimeAfter]),
      [
        ['a', formatDay('2026-06-01'), 'Not within 3 years', '50%', '25%'],
        ['new', null, 'No forecast', null, '—'],
        ['gone', formatDay('2026-06-01'), null, '90%', null],
      ],
    );
  });

  it('counts drift of every kind found in either snapshot, with its words; roadmap changes are neither good nor bad', () => {
    const result = compareSnapshots(
      snapshot({ alignment: { drift: { now_without_progress: 2 } } }),
      snapshot({ alignment: { drift: { roadmap_changed: 3 } } }),
    );
    assert.deepEqual(
      result.drift.map((d) => [d.label, d.before, d.after, d.deltaText, d.trend]),
      [
        ['In “now”, but nothing in progress', '2', '0', '−2', 'better'],
        ['Roadmap changes since the last review', '0', '3', '+3', 'neutral'],
      ],
    );
  });
});

describe('deltaText', () => {
  it('signs a rise with plus and a fall with a true minus', () => {
    assert.equal(deltaText(3, 'count'), '+3');
    assert.equal(deltaText(-4, 'share'), '−4 pts');
    assert.equal(deltaText(0, 'points'), 'no change');
  });
});

describe('inTimeOrder', () => {
  it('puts the earlier moment first, whichever was picked first', () => {
    const older = { at: '2026-01-01T10:00:00.000Z', name: 'January' };
    const newer = { at: '2026-02-01T10:00:00.000Z', name: 'February' };
    assert.deepEqual(inTimeOrder(newer, older), [older, newer]);
    assert.deepEqual(inTimeOrder(older, newer), [older, newer]);
  });
});

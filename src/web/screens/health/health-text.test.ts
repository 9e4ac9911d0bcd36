import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DriftT } from '../../api/analysis.ts';
import { formatDay } from '../roadmap/initiative-text.ts';
import {
  describeRoadmapChange,
  forecastDay,
  groupDrift,
  historyWarning,
  onTimeText,
  outlook,
  percent,
  type StreamT,
} from './health-text.ts';

const TODAY = '2026-03-10';
const target = {
  status: 'forecast' as const,
  atRisk: false,
  targetDate: '2026-04-01' as string | null,
  probabilityOnTime: 0.9 as number | null,
};

describe('outlook', () => {
  it('says "At risk" in words when the 85% date is past the target', () => {
    assert.deepEqual(outlook({ ...target, atRisk: true }, TODAY), { label: 'At risk', tone: 'risk' });
    assert.deepEqual(outlook(target, TODAY), { label: 'On track', tone: 'ok' });
  });

  it('calls open work past its target date late, with or without a forecast', () => {
    const late = { ...target, targetDate: '2026-03-01', status: 'insufficient-history' as const };
    assert.equal(outlook(late, TODAY).label, 'Past target');
    assert.equal(outlook({ ...target, targetDate: TODAY }, TODAY).label, 'Due today');
  });

  it('gives no forecast without enough history, and none is needed when done', () => {
    assert.equal(outlook({ ...target, status: 'insufficient-history' }, TODAY).label, 'No forecast yet');
    assert.equal(
      outlook({ ...target, status: 'done', targetDate: '2020-01-01' }, TODAY).label,
      'No open work',
    );
    assert.equal(outlook({ ...target, targetDate: null }, TODAY).label, 'No target date');
  });
});

describe('forecast figures', () => {
  it('writes a date past the horizon as "Not within 3 years", never a made-up day', () => {
    assert.equal(forecastDay(null, true), 'Not within 3 years');
    assert.equal(forecastDay(null, false), '—');
    assert.equal(forecastDay('2026-05-04', true), formatDay('2026-05-04'));
  });

  it('writes the chance of being on time as a percentage, or why there is none', () => {
    assert.equal(onTimeText(target), '90%');
    assert.equal(onTimeText({ probabilityOnTime: null, targetDate: null }), 'No target date');
    assert.equal(percent(0.624), '62%');
  });

  it('names the streams whose history is too short by their names, not their ids', () => {
    const stream = (streamId: string, name: string, warning: string | null): StreamT => ({
      streamId,
      name,
      from: null,
      to: TODAY,
      days: 0,
      completed: 0,
      points: 0,
      unestimated: 0,
      meanPoints: null,
      daily: [],
      tooShort: warning !== null,
      warning,
    });
    const streams = [
      stream('t1', 'Core team', 'no items completed in the last 84 days'),
      stream('t2', 'Web', null),
    ];
    assert.equal(
      historyWarning(
        { streamIds: ['t1', 't2'], warning: 't1: no items completed in the last 84 days' },
        streams,
      ),
      'Core team: no items completed in the last 84 days',
    );
    assert.equal(historyWarning({ streamIds: ['gone'], warning: 'gone: short' }, streams), 'gone: short');
  });
});

describe('groupDrift', () => {
  it('groups findings by kind, the most pressing first, leaving out empty kinds', () => {
    const drift: DriftT[] = [
      { kind: 'roadmap_changed', message: 'a' },
      { kind: 'now_without_progress', message: 'b' },
      { kind: 'roadmap_changed', message: 'c' },
      { kind: 'past_target_with_open_work', message: 'd' },
    ];
    assert.deepEqual(
      groupDrift(drift).map((group) => [group.kind, group.entries.map((entry) => entry.message)]),
      [
        ['past_target_with_open_work', ['d']],
        ['now_without_progress', ['b']],
        ['roadmap_changed', ['a', 'c']],
      ],
    );
  });
});

describe('describeRoadmapChange', () => {
  const change = { initiativeId: 'i', at: '2026-03-01T10:00:00Z', actorId: null };
  it('says what changed in the roadmap’s own words', () => {
    assert.equal(
      describeRoadmapChange({ ...change, field: 'horizon', before: 'next', after: 'now' }, 'Gift cards'),
      'Gift cards moved from Next to Now',
    );
    assert.equal(
      describeRoadmapChange({ ...change, field: 'targetDate', before: null, after: '2026-06-30' }, 'Search'),
      `Search: target date changed from none to ${formatDay('2026-06-30')}`,
    );
    assert.equal(
      describeRoadmapChange({ ...change, field: 'deleted', before: null, after: null }, undefined),
      'An initiative now in the trash was removed from the roadmap',
    );
  });
});

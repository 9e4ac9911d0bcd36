import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AlignmentReportT, DependencyMapT, ForecastT } from '../../api/analysis.ts';
import { initiativeFlags, sameFlags } from './initiative-flags.ts';
import { formatDay } from './initiative-text.ts';

type Outlook = ForecastT['initiatives'][number];

function outlook(overrides: Partial<Outlook>): Outlook {
  return {
    id: 'i1',
    title: 'Faster checkout',
    targetDate: '2030-03-01',
    status: 'forecast',
    remainingItems: 5,
    remainingPoints: 0,
    unestimatedItems: 5,
    p50: '2030-02-01',
    p85: '2030-02-20',
    p95: '2030-03-10',
    beyondHorizon: false,
    probabilityOnTime: 0.9,
    atRisk: false,
    sampleSize: 20,
    streamIds: ['product'],
    warning: null,
    ...overrides,
  };
}

function forecast(initiatives: Outlook[]): ForecastT {
  return {
    asOf: 1,
    today: '2030-01-01',
    unit: 'items',
    trials: 1000,
    horizon: '2033-01-01',
    initiatives,
    releases: [],
    streams: [],
  };
}

function alignment(overrides: Partial<AlignmentReportT>): AlignmentReportT {
  return {
    asOf: 1,
    coverage: {
      total: { items: 0, points: 0 },
      linked: { items: 0, points: 0, itemShare: 0, pointShare: 0 },
      byTheme: [],
      byObjective: [],
    },
    orphanItems: [],
    orphanTotal: 0,
    initiativesWithoutWork: [],
    drift: [],
    changesSince: '2030-01-01T00:00:00.000Z',
    ...overrides,
  };
}

const kinds = (flags: ReturnType<typeof initiativeFlags>, id: string) => flags.get(id)?.map((f) => f.kind);

describe('initiative flags', () => {
  it('flags an initiative at risk with its 85 % date and target date in the words', () => {
    const flags = initiativeFlags({
      forecast: forecast([
        outlook({ id: 'late', atRisk: true, p85: '2030-04-15', probabilityOnTime: 0.42 }),
        outlook({ id: 'fine' }),
      ]),
    });
    const [flag] = flags.get('late') ?? [];
    assert.equal(flag?.label, 'At risk');
    assert.equal(
      flag?.detail,
      `85 % likely to be done by ${formatDay('2030-04-15')}, after its target of ${formatDay('2030-03-01')} (42 % chance of making it)`,
    );
    assert.equal(flags.has('fine'), false);
  });

  it('says so when the 85 % date is beyond the forecast horizon', () => {
    const flags = initiativeFlags({
      forecast: forecast([
        outlook({ atRisk: true, p85: null, p95: null, beyondHorizon: true, probabilityOnTime: null }),
      ]),
    });
    assert.equal(
      flags.get('i1')?.[0]?.detail,
      `Not 85 % likely to be done within 3 years; its target is ${formatDay('2030-03-01')}`,
    );
  });

  it('turns drift into flags, one per kind, and leaves roadmap changes out', () => {
    const flags = initiativeFlags({
      alignment: alignment({
        drift: [
          { kind: 'roadmap_changed', initiativeId: 'a', message: 'Since the last review: "A" was added' },
          {
            kind: 'past_target_with_open_work',
            initiativeId: 'a',
            message: '"A" was due 2029-12-01 and still has 2 open items',
          },
          {
            kind: 'now_without_progress',
            initiativeId: 'a',
            message: '"A" is in "now" but nothing of it is in progress',
          },
          {
            kind: 'sprint_work_for_later',
            initiativeId: 'b',
            itemId: 'x',
            message: 'CHK-1 is in the active sprint',
          },
          {
            kind: 'sprint_work_for_later',
            initiativeId: 'b',
            itemId: 'y',
            message: 'CHK-2 is in the active sprint',
          },
        ],
      }),
    });
    assert.deepEqual(kinds(flags, 'a'), ['past_target', 'no_progress']);
    assert.equal(flags.get('a')?.[0]?.label, 'Past target with open work');
    assert.equal(flags.get('a')?.[1]?.label, 'Nothing in progress');
    assert.deepEqual(kinds(flags, 'b'), ['sprint_work_for_later']);
    assert.equal(flags.get('b')?.[0]?.detail, 'CHK-1 is in the active sprint; CHK-2 is in the active sprint');
  });

  it('says "No work" rather than "Nothing in progress" for an initiative with no work at all', () => {
    const flags = initiativeFlags({
      alignment: alignment({
        initiativesWithoutWork: [{ initiativeId: 'a', title: 'A', horizon: 'now' }],
        drift: [{ kind: 'now_without_progress', initiativeId: 'a', message: '"A" is in "now" but …' }],
      }),
    });
    assert.deepEqual(kinds(flags, 'a'), ['no_work']);
  });

  it('names the overdue external dependencies an initiative waits on', () => {
    const graph: DependencyMapT = {
      asOf: 1,
      nodes: [
        { kind: 'initiative', id: 'a', title: 'A', horizon: 'now', status: 'active', waitingOnOverdue: true },
        {
          kind: 'initiative',
          id: 'b',
          title: 'B',
          horizon: 'now',
          status: 'active',
          waitingOnOverdue: false,
        },
        {
          kind: 'item',
          id: 'x',
          key: 'CHK-1',
          title: 'X',
          status: 'backlog',
          estimate: null,
          initiativeId: 'a',
          blocked: true,
          onCriticalPath: false,
          waitingOnOverdue: true,
          foreign: false,
        },
        {
          kind: 'external',
          id: 'e1',
          title: 'Legal approval',
          owner: 'Legal',
          expectedDate: '2029-12-01',
          met: false,
          overdue: true,
        },
        {
          kind: 'external',
          id: 'e2',
          title: 'Later',
          owner: '',
          expectedDate: null,
          met: false,
          overdue: false,
        },
      ],
      edges: [
        { from: 'x', to: 'a', kind: 'serves' },
        { from: 'e1', to: 'x', kind: 'waits' },
        { from: 'e2', to: 'x', kind: 'waits' },
      ],
      criticalPath: [],
      criticalPoints: 0,
      truncated: false,
      totalNodes: 5,
    };
    const flags = initiativeFlags({ graph });
    assert.equal(
      flags.get('a')?.[0]?.detail,
      `Waiting on an overdue external dependency: Legal approval (expected ${formatDay('2029-12-01')})`,
    );
    assert.equal(flags.has('b'), false);
  });

  it('compares flags by what they say, not by identity (reports come as new objects)', () => {
    const sources = {
      forecast: forecast([outlook({ id: 'a', atRisk: true })]),
      alignment: alignment({ initiativesWithoutWork: [], drift: [] }),
    };
    const first = initiativeFlags(sources).get('a');
    const again = initiativeFlags(sources).get('a');
    assert.notEqual(first, again);
    assert.equal(sameFlags(first, again), true);
    assert.equal(sameFlags(first, undefined), false);
    assert.equal(sameFlags(undefined, undefined), true);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { CustomerView } from '../../schemas/audience.ts';
import { customerSentence, presentCustomerView } from './customer.ts';
import { presentExecutiveView } from './executive.ts';
import { type AudienceChange, type AudienceInitiative, type AudienceModel, emptyModel } from './model.ts';
import { sharePageHtml } from './share-page-html.ts';
import { presentTeamView } from './team.ts';
import { roadmapViewCsv } from './view-csv.ts';

const product = { id: 'p-1', key: 'TERN', name: 'Tern' };

function initiative(overrides: Partial<AudienceInitiative> = {}): AudienceInitiative {
  return {
    id: 'i-1',
    title: 'Offline mode',
    summary: 'internal words',
    publicSummary: 'Work without a connection.',
    themeId: 't-1',
    objectiveIds: ['o-1'],
    horizon: 'next',
    startDate: '2031-01-02',
    targetDate: '2031-03-04',
    confidence: 'planned',
    visibility: 'public',
    status: 'active',
    successMetrics: ['activation'],
    ...overrides,
  };
}

function change(overrides: Partial<AudienceChange> = {}): AudienceChange {
  return {
    id: 'a-1',
    initiativeId: 'i-1',
    at: '2026-12-01T10:00:00.000Z',
    actorId: 'u-1',
    announced: true,
    text: 'internal reason',
    publicText: null,
    changes: { horizon: ['next', 'now'] },
    ...overrides,
  };
}

function model(overrides: Partial<AudienceModel> = {}): AudienceModel {
  return {
    ...emptyModel(product),
    themes: [{ id: 't-1', name: 'Reach' }],
    objectives: [{ id: 'o-1', title: 'Grow' }],
    ...overrides,
  };
}

describe('the customer view', () => {
  it('lists public initiatives by horizon in their public words, marking ideas as exploring', () => {
    const view = presentCustomerView(
      model({
        initiatives: [
          initiative({ id: 'a', title: 'Later one', horizon: 'later', confidence: 'exploratory' }),
          initiative({ id: 'b', title: 'Secret', visibility: 'internal', horizon: 'now' }),
          initiative({ id: 'c', title: 'Now one', horizon: 'now', status: 'done' }),
          initiative({ id: 'd', title: 'Dropped', status: 'dropped' }),
        ],
      }),
    );
    assert.deepEqual(view.initiatives, [
      { title: 'Now one', summary: 'Work without a connection.', horizon: 'now', stage: 'delivered' },
      { title: 'Later one', summary: 'Work without a connection.', horizon: 'later', stage: 'exploring' },
    ]);
  });

  it('tells announcements of public initiatives in public words, never the internal text', () => {
    const view = presentCustomerView(
      model({
        initiatives: [initiative(), initiative({ id: 'i-2', title: 'Secret', visibility: 'internal' })],
        changelog: [
          change(),
          change({ id: 'a-2', publicText: 'Coming sooner!' }),
          change({ id: 'a-3', initiativeId: 'i-2', publicText: 'secret plan' }),
          change({ id: 'a-4', changes: { targetDate: ['2031-03-04', '2031-05-06'] } }),
          change({ id: 'a-5', announced: false, text: null }),
        ],
      }),
    );
    assert.deepEqual(view.changelog, [
      { text: '“Offline mode” moved from Next to Now' },
      { text: 'Coming sooner!' },
    ]);
  });

  it('makes sentences from public fields only', () => {
    const i = initiative();
    assert.equal(
      customerSentence(change({ changes: { confidence: ['exploratory', 'planned'] } }), i),
      '“Offline mode” is no longer only an idea: it is planned',
    );
    assert.equal(
      customerSentence(change({ changes: { status: ['active', 'done'] } }), i),
      '“Offline mode” was delivered',
    );
    assert.equal(
      customerSentence(change({ changes: { targetDate: ['2031-01-01', '2031-02-02'] } }), i),
      null,
    );
    assert.equal(customerSentence(change({ changes: { horizon: ['soon', 'now'] } }), i), null);
  });

  it('never holds an internal value, for any model', () => {
    const token = fc.string({ minLength: 1, maxLength: 8 }).map((s) => `ZZ${s}`);
    // Public words never spell a marker or a digit of an internal date by chance.
    const words = (maxLength: number) => fc.string({ maxLength }).map((s) => s.replace(/[Z0-9]/g, ''));
    const arbitraryInitiative = fc.record({
      id: fc.uuid(),
      title: words(20),
      summary: token,
      publicSummary: words(20),
      themeId: fc.option(fc.uuid(), { nil: null }),
      objectiveIds: fc.array(fc.uuid(), { maxLength: 3 }),
      horizon: fc.constantFrom('now' as const, 'next' as const, 'later' as const),
      startDate: fc.option(fc.constant('2039-07-08'), { nil: null }),
      targetDate: fc.option(fc.constant('2039-09-10'), { nil: null }),
      confidence: fc.constantFrom('committed' as const, 'planned' as const, 'exploratory' as const),
      visibility: fc.constantFrom('internal' as const, 'public' as const),
      status: fc.constantFrom('proposed' as const, 'active' as const, 'done' as const, 'dropped' as const),
      successMetrics: fc.array(token, { maxLength: 2 }),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryInitiative, { maxLength: 12 }),
        fc.array(token, { maxLength: 3 }),
        fc.array(
          fc.record({
            pick: fc.nat(),
            text: token,
            publicText: fc.option(words(10), { nil: null }),
            horizon: fc.constantFrom('now', 'next', 'later', 'soon'),
            announced: fc.boolean(),
          }),
          { maxLength: 6 },
        ),
        (initiatives, names, changes) => {
          // Internal initiatives' words are internal too: give them markers.
          const marked = initiatives.map((i) =>
            i.visibility === 'internal'
              ? { ...i, title: `ZZt${i.title}`, publicSummary: `ZZp${i.publicSummary}` }
              : i,
          );
          const m = model({
            initiatives: marked,
            themes: names.map((name, n) => ({ id: `theme-${n}`, name })),
            objectives: names.map((title, n) => ({ id: `objective-${n}`, title })),
            changelog: changes.map((c, n) => {
              const target = marked[c.pick % Math.max(1, marked.length)];
              const isPublic = target?.visibility === 'public';
              return change({
                id: `c-${n}`,
                initiativeId: target?.id ?? 'none',
                text: c.text,
                announced: c.announced,
                // A public text is public words only for a public initiative.
                publicText: isPublic ? c.publicText : c.publicText === null ? null : `ZZ${c.publicText}`,
                changes: { horizon: ['next', c.horizon], targetDate: ['2039-07-08', '2039-09-10'] },
              });
            }),
          });
          const view = presentCustomerView(m);
          CustomerView.parse(view);
          const out = JSON.stringify(view) + sharePageHtml(view) + roadmapViewCsv(view);
          assert.ok(!out.includes('ZZ'), out);
          assert.ok(!out.includes('2039'));
          for (const i of marked) assert.ok(!out.includes(i.id));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the executive view', () => {
  it('shows metrics from the PRD when there is one, else the initiative metric names, and risks', () => {
    const view = presentExecutiveView(
      model({
        initiatives: [initiative(), initiative({ id: 'i-2', successMetrics: ['retention'] })],
        prdMetrics: new Map([['i-1', [{ name: 'NPS', baseline: '20', target: '40', measured: null }]]]),
        risks: new Map([
          ['i-2', [{ kind: 'no_work' as const, message: 'in next with no open backlog item' }]],
        ]),
        changelog: [change({ changes: { horizon: ['next', 'now'], summary: ['a', 'b'] } })],
      }),
    );
    const [first, second] = view.initiatives;
    assert.equal(first?.metricsSource, 'prd');
    assert.deepEqual(first?.metrics, [{ name: 'NPS', baseline: '20', target: '40', measured: null }]);
    assert.equal(second?.metricsSource, 'initiative');
    assert.deepEqual(
      second?.risks.map((r) => r.kind),
      ['no_work'],
    );
    assert.deepEqual(first?.objectives, ['Grow']);
    assert.deepEqual(view.themes, [{ id: 't-1', name: 'Reach', initiatives: 2 }]);
    assert.deepEqual(view.changelog[0]?.changes, { horizon: ['next', 'now'] });
    assert.equal(view.changelog[0]?.text, 'internal reason');
  });
});

describe('the team view', () => {
  it('shows every field with progress, and unannounced pivots', () => {
    const view = presentTeamView(
      model({
        initiatives: [initiative()],
        progress: new Map([
          ['i-1', { doneItems: 1, totalItems: 3, donePoints: 2, totalPoints: 8, unestimated: 1 }],
        ]),
        changelog: [change({ announced: false, text: null, changes: { objectiveIds: [['o-1'], []] } })],
      }),
    );
    assert.equal(view.initiatives[0]?.summary, 'internal words');
    assert.equal(view.initiatives[0]?.progress.totalPoints, 8);
    assert.deepEqual(view.changelog[0]?.changes, { objectiveIds: [['o-1'], []] });
    assert.equal(view.changelog[0]?.announced, false);
  });

  it('exports every column as CSV with formulas defused', () => {
    const csv = roadmapViewCsv(presentTeamView(model({ initiatives: [initiative({ title: '=cmd|x' })] })));
    assert.ok(csv.split('\r\n')[1]?.startsWith("'=cmd|x,Reach,Grow,Next,2031-01-02"), csv);
  });
});

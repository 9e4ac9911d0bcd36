import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type DefinitionOfReady, READY_RULES, REASON_CODES, type ReadyRule } from './definition-of-ready.ts';
import { ITEM_STATUSES } from './item-status.ts';
import { type Blocker, notReadyReasons, type ReadinessContext, type ReadinessItem } from './readiness.ts';

const ready = { estimate: 3, criteriaTotal: 2 };

describe('notReadyReasons', () => {
  it('finds nothing wrong with an estimated item that has criteria and no open blockers', () => {
    assert.deepEqual(notReadyReasons(ready, []), []);
  });

  it('names a missing estimate and missing acceptance criteria', () => {
    assert.deepEqual(
      notReadyReasons({ estimate: null, criteriaTotal: 0 }, []).map((r) => [r.code, r.message]),
      [
        ['no_estimate', 'no estimate'],
        ['no_acceptance_criteria', 'no acceptance criteria'],
      ],
    );
    assert.deepEqual(notReadyReasons({ estimate: 0, criteriaTotal: 1 }, []), [], 'zero is an estimate');
  });

  it('is blocked by an open item, naming its key, title and status', () => {
    const [reason] = notReadyReasons(ready, [
      { external: false, key: 'CHK-12', title: 'Export CSV', status: 'in_progress', deleted: false },
    ]);
    assert.equal(reason?.code, 'blocked');
    assert.equal(reason?.message, 'blocked by CHK-12 "Export CSV" (in progress)');
    assert.deepEqual(reason?.blockers, [{ key: 'CHK-12', title: 'Export CSV', external: false }]);
  });

  it('names a blocker the reader may not see only as an item in another product, without its status', () => {
    const [reason] = notReadyReasons(ready, [
      { external: false, key: null, title: null, status: 'in_progress', deleted: false },
    ]);
    assert.equal(reason?.message, 'blocked by an item in another product');
    assert.deepEqual(reason?.blockers, [{ key: null, title: null, external: false }]);
  });

  it('is not blocked by items that are done, dropped or trashed, nor by met external dependencies', () => {
    const settled: Blocker[] = [
      { external: false, key: 'CHK-1', title: 'Done', status: 'done', deleted: false },
      { external: false, key: 'CHK-2', title: 'Dropped', status: 'wont_do', deleted: false },
      { external: false, key: 'CHK-3', title: 'Trashed', status: 'ready', deleted: true },
      { external: true, title: 'Signed', met: true },
    ];
    assert.deepEqual(notReadyReasons(ready, settled), []);
  });

  it('waits on an unmet external dependency and lists every open blocker, items first', () => {
    const reasons = notReadyReasons({ estimate: null, criteriaTotal: 1 }, [
      { external: true, title: 'Legal approval', met: false },
      { external: false, key: 'CHK-7', title: 'Schema', status: 'backlog', deleted: false },
    ]);
    assert.deepEqual(
      reasons.map((r) => r.code),
      ['no_estimate', 'blocked'],
    );
    assert.equal(
      reasons[1]?.message,
      'blocked by CHK-7 "Schema" (in the backlog); waiting on "Legal approval" (external)',
    );
    assert.deepEqual(reasons[1]?.blockers, [
      { key: 'CHK-7', title: 'Schema', external: false },
      { key: null, title: 'Legal approval', external: true },
    ]);
  });
});

/** A context with `rules` switched on; fits a sprint at 8 points, or half the velocity once there is one. */
function context(rules: Iterable<ReadyRule>, velocity: number | null = null): ReadinessContext {
  const definition: DefinitionOfReady = {
    enabled: new Set(rules),
    fitsSprint: { maxPoints: 8, velocityShare: 0.5 },
  };
  return { definition, velocity };
}

const everyRule = context(READY_RULES);
const openBlocker: Blocker = { external: false, key: 'CHK-9', title: 'API', status: 'ready', deleted: false };
/** Fails every rule but "fits a sprint" (it has no estimate to measure). */
const unestimated: ReadinessItem = {
  estimate: null,
  criteriaTotal: 0,
  type: 'story',
  story: null,
  description: '  ',
  initiativeId: null,
};
/** Fails every rule but "estimated". */
const oversized: ReadinessItem = { ...unestimated, estimate: 21 };

const codes = (reasons: readonly { code: string }[]) => reasons.map((reason) => reason.code);

describe('notReadyReasons with a Definition of Ready', () => {
  it('reports one reason per failed rule, in READY_RULES order', () => {
    assert.deepEqual(codes(notReadyReasons(unestimated, [openBlocker], everyRule)), [
      'no_estimate',
      'no_acceptance_criteria',
      'not_user_story',
      'no_description',
      'no_initiative',
      'blocked',
    ]);
    assert.deepEqual(codes(notReadyReasons(oversized, [openBlocker], everyRule)), [
      'no_acceptance_criteria',
      'not_user_story',
      'too_large',
      'no_description',
      'no_initiative',
      'blocked',
    ]);
  });

  it('drops exactly the code of a rule switched off', () => {
    for (const item of [unestimated, oversized]) {
      const all = codes(notReadyReasons(item, [openBlocker], everyRule));
      for (const rule of READY_RULES) {
        const without = codes(
          notReadyReasons(item, [openBlocker], context(READY_RULES.filter((r) => r !== rule))),
        );
        assert.deepEqual(
          without,
          all.filter((code) => code !== REASON_CODES[rule]),
          `${rule} off`,
        );
      }
    }
  });

  it('finds nothing wrong when every rule is off', () => {
    assert.deepEqual(notReadyReasons(oversized, [openBlocker], context([])), []);
  });

  it('asks for a user story only of stories', () => {
    const rules = context(['user_story']);
    assert.deepEqual(codes(notReadyReasons({ ...unestimated, type: 'story' }, [], rules)), [
      'not_user_story',
    ]);
    for (const type of ['task', 'bug', 'spike'] as const) {
      assert.deepEqual(notReadyReasons({ ...unestimated, type }, [], rules), [], type);
    }
    const written = { asA: 'admin', iWant: 'to export', soThat: 'I can audit' };
    assert.deepEqual(notReadyReasons({ ...unestimated, story: written }, [], rules), []);
    assert.deepEqual(
      codes(notReadyReasons({ ...unestimated, story: { ...written, soThat: ' ' } }, [], rules)),
      ['not_user_story'],
    );
    assert.deepEqual(notReadyReasons({ estimate: 1, criteriaTotal: 1 }, [], rules), [], 'no type: passes');
  });

  it('measures "fits a sprint" against the velocity once there is one', () => {
    const rules = (velocity: number | null) => context(['fits_sprint'], velocity);
    const item = (estimate: number) => ({ estimate, criteriaTotal: 1 });
    assert.deepEqual(notReadyReasons(item(8), [], rules(null)), [], 'at the fixed limit');
    const [tooLarge] = notReadyReasons(item(9), [], rules(null));
    assert.equal(tooLarge?.code, 'too_large');
    assert.equal(tooLarge?.message, '9 points is more than a sprint takes (at most 8); split it');

    assert.deepEqual(notReadyReasons(item(9), [], rules(30)), [], 'half of 30 is 15');
    assert.deepEqual(notReadyReasons(item(15), [], rules(30)), []);
    assert.deepEqual(codes(notReadyReasons(item(16), [], rules(30))), ['too_large']);
    assert.deepEqual(codes(notReadyReasons(item(5), [], rules(9))), ['too_large'], 'half of 9 is 4.5');
    assert.equal(
      notReadyReasons(item(5), [], rules(9))[0]?.message,
      '5 points is more than a sprint takes (at most 4.5); split it',
    );
    assert.deepEqual(notReadyReasons(item(8), [], rules(0)), [], 'a zero velocity: the fixed limit');
    assert.deepEqual(
      notReadyReasons({ estimate: null, criteriaTotal: 1 }, [], rules(2)),
      [],
      'nothing to measure',
    );
  });

  it('asks for a description only of callers that pass one', () => {
    const rules = context(['description']);
    assert.deepEqual(codes(notReadyReasons({ ...ready, description: '' }, [], rules)), ['no_description']);
    assert.deepEqual(codes(notReadyReasons({ ...ready, description: ' \n\t' }, [], rules)), [
      'no_description',
    ]);
    assert.deepEqual(notReadyReasons({ ...ready, description: 'Why and what' }, [], rules), []);
    assert.deepEqual(notReadyReasons(ready, [], rules), [], 'absent: passes');
  });

  it('asks for an initiative only of callers that pass the link', () => {
    const rules = context(['initiative']);
    const [reason] = notReadyReasons({ ...ready, initiativeId: null }, [], rules);
    assert.deepEqual(reason, { code: 'no_initiative', message: 'serves no initiative' });
    assert.deepEqual(notReadyReasons({ ...ready, initiativeId: 'ini-1' }, [], rules), []);
    assert.deepEqual(notReadyReasons(ready, [], rules), [], 'absent: passes');
  });

  it('ignores blockers while "unblocked" is off', () => {
    const external: Blocker = { external: true, title: 'Legal', met: false };
    assert.deepEqual(notReadyReasons(ready, [openBlocker, external], context(['estimated'])), []);
  });
});

const blockerArb: fc.Arbitrary<Blocker> = fc.oneof(
  fc.record({
    external: fc.constant(false as const),
    key: fc.option(fc.constant('CHK-1')),
    title: fc.option(fc.constant('Other')),
    status: fc.constantFrom(...ITEM_STATUSES),
    deleted: fc.boolean(),
  }),
  fc.record({ external: fc.constant(true as const), title: fc.constant('Contract'), met: fc.boolean() }),
);

const itemArb: fc.Arbitrary<ReadinessItem> = fc.record(
  {
    estimate: fc.option(fc.integer({ min: 0, max: 40 })),
    criteriaTotal: fc.integer({ min: 0, max: 3 }),
    type: fc.constantFrom('story', 'task', 'bug', 'spike'),
    story: fc.option(
      fc.record({
        asA: fc.constantFrom('', ' ', 'user'),
        iWant: fc.constantFrom('', 'x'),
        soThat: fc.constantFrom('', 'y'),
      }),
    ),
    description: fc.constantFrom('', ' ', 'text'),
    initiativeId: fc.option(fc.constant('ini-1')),
  },
  { requiredKeys: ['estimate', 'criteriaTotal'] },
);

const contextArb = fc.record({
  rules: fc.subarray([...READY_RULES]),
  velocity: fc.option(fc.integer({ min: 0, max: 60 })),
});

describe('notReadyReasons properties', () => {
  it('finds every item ready when every rule is off', () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.array(blockerArb, { maxLength: 4 }),
        fc.option(fc.nat(60)),
        (item, blockers, v) => {
          assert.deepEqual(notReadyReasons(item, blockers, context([], v)), []);
        },
      ),
    );
  });

  it("only adds reasons when a rule is switched on, and only that rule's", () => {
    fc.assert(
      fc.property(
        itemArb,
        fc.array(blockerArb, { maxLength: 4 }),
        contextArb,
        fc.constantFrom(...READY_RULES),
        (item, blockers, { rules, velocity }, rule) => {
          const off = codes(
            notReadyReasons(
              item,
              blockers,
              context(
                rules.filter((r) => r !== rule),
                velocity,
              ),
            ),
          );
          const on = codes(notReadyReasons(item, blockers, context([...rules, rule], velocity)));
          for (const code of off) assert.ok(on.includes(code), `${code} lost when ${rule} went on`);
          assert.ok(on.every((code) => off.includes(code) || code === REASON_CODES[rule]));
        },
      ),
    );
  });

  it('reports at most one reason per rule, in READY_RULES order, only for rules in force', () => {
    fc.assert(
      fc.property(itemArb, fc.array(blockerArb, { maxLength: 4 }), contextArb, (item, blockers, c) => {
        const found = codes(notReadyReasons(item, blockers, context(c.rules, c.velocity)));
        const expectedOrder = READY_RULES.filter((rule) => c.rules.includes(rule)).map(
          (r) => REASON_CODES[r],
        );
        assert.deepEqual(
          found,
          expectedOrder.filter((code) => found.includes(code)),
        );
      }),
    );
  });
});

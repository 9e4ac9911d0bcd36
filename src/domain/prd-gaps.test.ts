import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMeasured, prdGaps } from './prd-gaps.ts';

const requirement = (id: string, itemIds: string[] = []) => ({ id, text: `Requirement ${id}`, itemIds });
const metric = (name: string, measured: string | null = null) => ({ name, measured });

describe('prdGaps', () => {
  it('lists requirements with no item linked, and metrics never measured', () => {
    const gaps = prdGaps(
      {
        requirements: [requirement('a'), requirement('b', ['i1'])],
        successMetrics: [metric('Latency', '0.8 s'), metric('Adoption')],
      },
      new Set(['i1']),
    );
    assert.deepEqual(gaps, {
      unlinkedRequirements: [{ id: 'a', text: 'Requirement a' }],
      unmeasuredMetrics: [{ name: 'Adoption' }],
    });
  });

  it('counts a requirement whose every item is trashed or gone as a gap, and one live item as enough', () => {
    const gaps = prdGaps(
      {
        requirements: [requirement('a', ['gone', 'trashed']), requirement('b', ['gone', 'live'])],
        successMetrics: [],
      },
      new Set(['live']),
    );
    assert.deepEqual(
      gaps.unlinkedRequirements.map((r) => r.id),
      ['a'],
    );
  });

  it('treats a blank measured value as never measured', () => {
    assert.equal(isMeasured(metric('x', '   ')), false);
    assert.equal(isMeasured(metric('x', '')), false);
    assert.equal(isMeasured(metric('x', '0')), true);
  });

  it('has no gaps for an empty PRD', () => {
    assert.deepEqual(prdGaps({ requirements: [], successMetrics: [] }, new Set()), {
      unlinkedRequirements: [],
      unmeasuredMetrics: [],
    });
  });
});

const ids = fc.constantFrom('i1', 'i2', 'i3', 'i4', 'i5');
const arbitraryPrd = fc.record({
  requirements: fc.array(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      text: fc.string(),
      itemIds: fc.array(ids, { maxLength: 4 }),
    }),
    { maxLength: 20 },
  ),
  successMetrics: fc.array(fc.record({ name: fc.string(), measured: fc.option(fc.string()) }), {
    maxLength: 20,
  }),
});
const liveSets = fc.uniqueArray(ids).map((list) => new Set(list));

describe('prdGaps properties', () => {
  it('reports exactly the requirements with no live item, in their order', () => {
    fc.assert(
      fc.property(arbitraryPrd, liveSets, (prd, live) => {
        const gaps = prdGaps(prd, live);
        const expected = prd.requirements.filter((r) => r.itemIds.every((id) => !live.has(id)));
        assert.deepEqual(
          gaps.unlinkedRequirements,
          expected.map(({ id, text }) => ({ id, text })),
        );
      }),
    );
  });

  it('never reports more gaps when more items are live (linking only closes gaps)', () => {
    fc.assert(
      fc.property(arbitraryPrd, liveSets, ids, (prd, live, extra) => {
        const before = prdGaps(prd, live).unlinkedRequirements.length;
        const after = prdGaps(prd, new Set([...live, extra])).unlinkedRequirements.length;
        assert.ok(after <= before);
      }),
    );
  });

  it('reports a metric as unmeasured exactly when its measured value is blank', () => {
    fc.assert(
      fc.property(arbitraryPrd, (prd) => {
        const unmeasured = prdGaps(prd, new Set()).unmeasuredMetrics.length;
        const blank = prd.successMetrics.filter((m) => (m.measured ?? '').trim() === '').length;
        assert.equal(unmeasured, blank);
      }),
    );
  });
});

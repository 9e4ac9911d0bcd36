import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { READY_RULES } from '../../../domain/definition-of-ready.ts';
import type { DefinitionOfReadyT } from '../../api/analysis.ts';
import { bodyFrom, draftFrom, isChanged } from './ready-rules-draft.ts';

function definition(velocityShare: number | null = 0.5): DefinitionOfReadyT {
  return {
    version: 3,
    rules: READY_RULES.map((rule) => ({
      rule,
      enabled: rule !== 'description' && rule !== 'initiative',
      label: rule,
      ...(rule === 'fits_sprint' && { maxPoints: 13, velocityShare }),
    })),
  };
}

describe('the Definition of Ready draft', () => {
  it('reads the switches and the limit, the share as a percentage', () => {
    const draft = draftFrom(definition());
    assert.equal(draft.enabled.estimated, true);
    assert.equal(draft.enabled.description, false);
    assert.deepEqual([draft.limit, draft.maxPoints, draft.sharePercent], ['share', '13', '50']);
    assert.equal(draftFrom(definition(null)).limit, 'fixed');
  });

  it('sends every rule with its switch, and the limit with fits_sprint', () => {
    const draft = { ...draftFrom(definition()), sharePercent: '40' };
    draft.enabled.description = true;
    const result = bodyFrom(draft);
    assert.ok(result.ok);
    assert.equal(result.body.rules.length, READY_RULES.length);
    assert.deepEqual(
      result.body.rules.find((r) => r.rule === 'description'),
      { rule: 'description', enabled: true },
    );
    assert.deepEqual(
      result.body.rules.find((r) => r.rule === 'fits_sprint'),
      { rule: 'fits_sprint', enabled: true, maxPoints: 13, velocityShare: 0.4 },
    );
  });

  it('sends "always N points" as a null share', () => {
    const result = bodyFrom({ ...draftFrom(definition()), limit: 'fixed', maxPoints: '8' });
    assert.ok(result.ok);
    const fits = result.body.rules.find((r) => r.rule === 'fits_sprint');
    assert.deepEqual([fits?.maxPoints, fits?.velocityShare], [8, null]);
  });

  it('refuses limits out of bounds, at their field', () => {
    const draft = draftFrom(definition());
    for (const [change, field] of [
      [{ maxPoints: '' }, 'maxPoints'],
      [{ maxPoints: '2.5' }, 'maxPoints'],
      [{ maxPoints: '0' }, 'maxPoints'],
      [{ sharePercent: '1' }, 'sharePercent'],
      [{ sharePercent: '101' }, 'sharePercent'],
    ] as const) {
      const result = bodyFrom({ ...draft, ...change });
      assert.equal(!result.ok && result.problem.field, field, JSON.stringify(change));
    }
    // The share is not read while the limit is fixed.
    assert.ok(bodyFrom({ ...draft, limit: 'fixed', sharePercent: 'x' }).ok);
  });

  it('tells a changed draft from the saved definition', () => {
    const saved = definition();
    assert.equal(isChanged(draftFrom(saved), saved), false);
    assert.equal(isChanged({ ...draftFrom(saved), maxPoints: '8' }, saved), true);
    const toggled = draftFrom(saved);
    toggled.enabled.unblocked = false;
    assert.equal(isChanged(toggled, saved), true);
  });
});

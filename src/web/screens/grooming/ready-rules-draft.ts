/**
 * The Definition of Ready editor's draft: each rule on or off, and the "fits a sprint" limit either as a
 * share of the velocity (with a fixed number of points until there is a velocity) or always a fixed number
 * of points. Turned into the PUT body, which lists every rule with its switch.
 */
import { FITS_SPRINT_BOUNDS, READY_RULES, type ReadyRule } from '../../../domain/definition-of-ready.ts';
import type { DefinitionOfReadyT, UpdateDefinitionOfReadyBody } from '../../api/analysis.ts';

export interface ReadyRulesDraft {
  enabled: Record<ReadyRule, boolean>;
  /** 'share': a share of the velocity, maxPoints until there is one; 'fixed': always maxPoints. */
  limit: 'share' | 'fixed';
  /** As typed. */
  maxPoints: string;
  /** The velocity share as a percentage, as typed. */
  sharePercent: string;
}

export interface DraftProblem {
  field: 'maxPoints' | 'sharePercent';
  message: string;
}

const DEFAULT_SHARE = 0.5;

export function draftFrom(definition: DefinitionOfReadyT): ReadyRulesDraft {
  const enabled = Object.fromEntries(READY_RULES.map((rule) => [rule, false])) as Record<ReadyRule, boolean>;
  for (const setting of definition.rules) enabled[setting.rule] = setting.enabled;
  const fits = definition.rules.find((setting) => setting.rule === 'fits_sprint');
  const share = fits?.velocityShare;
  return {
    enabled,
    limit: share === null ? 'fixed' : 'share',
    maxPoints: String(fits?.maxPoints ?? ''),
    sharePercent: String(Math.round((share ?? DEFAULT_SHARE) * 100)),
  };
}

/** The body to PUT, or the problem with a limit as typed (at its field). */
export function bodyFrom(
  draft: ReadyRulesDraft,
): { ok: true; body: UpdateDefinitionOfReadyBody } | { ok: false; problem: DraftProblem } {
  const { maxPoints: pointBounds, velocityShare: shareBounds } = FITS_SPRINT_BOUNDS;
  const maxPoints = Number(draft.maxPoints.trim());
  if (draft.maxPoints.trim() === '' || !Number.isInteger(maxPoints)) {
    return { ok: false, problem: { field: 'maxPoints', message: 'A whole number of points.' } };
  }
  if (maxPoints < pointBounds.min || maxPoints > pointBounds.max) {
    return {
      ok: false,
      problem: { field: 'maxPoints', message: `From ${pointBounds.min} to ${pointBounds.max} points.` },
    };
  }
  let velocityShare: number | null = null;
  if (draft.limit === 'share') {
    const percent = Number(draft.sharePercent.trim());
    const [low, high] = [shareBounds.min * 100, shareBounds.max * 100];
    if (draft.sharePercent.trim() === '' || !Number.isFinite(percent) || percent < low || percent > high) {
      return { ok: false, problem: { field: 'sharePercent', message: `From ${low} % to ${high} %.` } };
    }
    velocityShare = Math.round(percent * 100) / 10_000;
  }
  return {
    ok: true,
    body: {
      rules: READY_RULES.map((rule) => ({
        rule,
        enabled: draft.enabled[rule],
        ...(rule === 'fits_sprint' && { maxPoints, velocityShare }),
      })),
    },
  };
}

/** Whether the draft says something other than the saved definition. */
export function isChanged(draft: ReadyRulesDraft, definition: DefinitionOfReadyT): boolean {
  const saved = draftFrom(definition);
  if (READY_RULES.some((rule) => saved.enabled[rule] !== draft.enabled[rule])) return true;
  if (saved.limit !== draft.limit || saved.maxPoints !== draft.maxPoints.trim()) return true;
  return draft.limit === 'share' && saved.sharePercent !== draft.sharePercent.trim();
}

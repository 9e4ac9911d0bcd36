/** The vision editor's text rules: lists typed one entry a line, and the draft's form state. */
import { LIMITS } from '../../../schemas/limits.ts';
import type { VisionDraftT, VisionInput } from '../../api/vision.ts';

export interface VisionForm {
  statement: string;
  targetCustomers: string;
  problems: string;
  differentiators: string;
  periodStart: string;
  periodEnd: string;
}

export const LIST_FIELDS = [
  { name: 'targetCustomers', label: 'Target customers' },
  { name: 'problems', label: 'Problems we solve' },
  { name: 'differentiators', label: 'Differentiators' },
] as const;

/** One entry a line; blank lines dropped; at most the entries the server keeps. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, LIMITS.visionEntries);
}

export function formOf(draft: Pick<VisionDraftT, keyof VisionInput>): VisionForm {
  return {
    statement: draft.statement ?? '',
    targetCustomers: (draft.targetCustomers ?? []).join('\n'),
    problems: (draft.problems ?? []).join('\n'),
    differentiators: (draft.differentiators ?? []).join('\n'),
    periodStart: draft.periodStart ?? '',
    periodEnd: draft.periodEnd ?? '',
  };
}

export function inputOf(form: VisionForm): VisionInput {
  return {
    statement: form.statement,
    targetCustomers: linesOf(form.targetCustomers),
    problems: linesOf(form.problems),
    differentiators: linesOf(form.differentiators),
    periodStart: form.periodStart || null,
    periodEnd: form.periodEnd || null,
  };
}

/** Whether the form says what the saved draft says (no unsaved edits). */
export function sameAsSaved(form: VisionForm, draft: VisionDraftT): boolean {
  return JSON.stringify(inputOf(form)) === JSON.stringify(inputOf(formOf(draft)));
}

/** The first lines of a statement, for the product home. */
export function firstLines(statement: string, lines = 3): string {
  return statement
    .split('\n')
    .filter((line) => line.trim() !== '')
    .slice(0, lines)
    .join('\n\n');
}

export const FIELD_LABELS: Record<string, string> = {
  statement: 'Statement',
  targetCustomers: 'Target customers',
  problems: 'Problems',
  differentiators: 'Differentiators',
  periodStart: 'Period start',
  periodEnd: 'Period end',
};

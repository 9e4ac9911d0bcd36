/**
 * The split dialog's draft and its validation: 2–10 parts, each with a title and an optional estimate, and
 * optionally the item's acceptance criteria dealt out among the parts. The item becomes the first part.
 */
import { LIMITS } from '../../../schemas/limits.ts';

/** How many parts a split makes (the server's SplitItemInput holds the same bounds). */
export const SPLIT_PARTS = { min: 2, max: 10 } as const;

export interface PartDraft {
  title: string;
  /** As typed: '' for no estimate. */
  estimate: string;
}

export interface SplitDraft {
  parts: PartDraft[];
  /** Whether the item's criteria are dealt out; off, the first part keeps them all and the others get none. */
  assignCriteria: boolean;
  /** For each of the item's criteria, the index of the part it goes to. */
  criterionPart: number[];
}

/** A part as the split API takes it. */
export interface SplitPart {
  title: string;
  estimate: number | null;
  acceptanceCriteria?: { text: string; done: boolean }[];
}

export interface SplitProblem {
  /** The part the problem is in; null for the split as a whole. */
  part: number | null;
  field: 'title' | 'estimate' | 'parts';
  message: string;
}

/** Two parts: the first with the item's title to edit down, the second empty; every criterion on the first. */
export function initialDraft(item: { title: string; criteriaCount: number }): SplitDraft {
  return {
    parts: [
      { title: item.title, estimate: '' },
      { title: '', estimate: '' },
    ],
    assignCriteria: false,
    criterionPart: Array.from({ length: item.criteriaCount }, () => 0),
  };
}

export function addPart(draft: SplitDraft): SplitDraft {
  if (draft.parts.length >= SPLIT_PARTS.max) return draft;
  return { ...draft, parts: [...draft.parts, { title: '', estimate: '' }] };
}

/** Removes a part; its criteria go back to the first part, and the later parts' criteria keep their part. */
export function removePart(draft: SplitDraft, index: number): SplitDraft {
  if (draft.parts.length <= SPLIT_PARTS.min || index <= 0 || index >= draft.parts.length) return draft;
  return {
    ...draft,
    parts: draft.parts.filter((_, at) => at !== index),
    criterionPart: draft.criterionPart.map((part) => (part === index ? 0 : part > index ? part - 1 : part)),
  };
}

export function updatePart(draft: SplitDraft, index: number, change: Partial<PartDraft>): SplitDraft {
  return { ...draft, parts: draft.parts.map((part, at) => (at === index ? { ...part, ...change } : part)) };
}

/** An estimate as typed: null for none, undefined when it is not a valid number of points. */
export function parseEstimate(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const value = Number(trimmed);
  return Number.isFinite(value) && value >= 0 && value <= LIMITS.estimate ? value : undefined;
}

/**
 * The parts to send, or every problem found (each at its part and field). `criteria` are the item's
 * criteria, in order.
 */
export function validateSplit(
  draft: SplitDraft,
  criteria: readonly { text: string; done: boolean }[],
): { ok: true; parts: SplitPart[] } | { ok: false; problems: SplitProblem[] } {
  const problems: SplitProblem[] = [];
  const count = draft.parts.length;
  if (count < SPLIT_PARTS.min || count > SPLIT_PARTS.max) {
    problems.push({
      part: null,
      field: 'parts',
      message: `A split makes ${SPLIT_PARTS.min} to ${SPLIT_PARTS.max} parts.`,
    });
  }
  const parts = draft.parts.map((part, index): SplitPart => {
    const title = part.title.trim();
    if (title === '') problems.push({ part: index, field: 'title', message: 'Give this part a title.' });
    else if (title.length > LIMITS.itemTitle) {
      problems.push({
        part: index,
        field: 'title',
        message: `A title is at most ${LIMITS.itemTitle} characters.`,
      });
    }
    const estimate = parseEstimate(part.estimate);
    if (estimate === undefined) {
      problems.push({
        part: index,
        field: 'estimate',
        message: `An estimate is a number of points from 0 to ${LIMITS.estimate}.`,
      });
    }
    const result: SplitPart = { title, estimate: estimate ?? null };
    if (draft.assignCriteria) {
      result.acceptanceCriteria = criteria
        .filter((_, at) => (draft.criterionPart[at] ?? 0) === index)
        .map(({ text, done }) => ({ text, done }));
    }
    return result;
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, parts };
}

/**
 * The difference between two texts of a product's vision, field by field: the statement word by word,
 * the lists entry by entry, the period's dates as a whole. Pure, and bounded: the schema caps each text,
 * and the word diff gives up past MAX_EDIT_LENGTH edits (then lines, then the whole text replaced), so
 * two unrelated long statements cost no more than two related ones.
 */
import { diffArrays, diffWordsWithSpace } from 'diff';

/** The fields of a vision that a diff compares, in the order it lists them. */
export const VISION_FIELDS = [
  'statement',
  'targetCustomers',
  'problems',
  'differentiators',
  'periodStart',
  'periodEnd',
] as const;
export type VisionField = (typeof VISION_FIELDS)[number];

export interface VisionText {
  statement: string;
  targetCustomers: string[];
  problems: string[];
  differentiators: string[];
  periodStart: string | null;
  periodEnd: string | null;
}

export type DiffPartKind = 'same' | 'inserted' | 'deleted';
export interface DiffPart {
  kind: DiffPartKind;
  value: string;
}

export interface FieldDiff {
  field: VisionField;
  changed: boolean;
  parts: DiffPart[];
}

/**
 * Edits past which a diff stops (its cost grows with text length × edits): a rewrite of more than this many
 * words reads as the whole text replaced. Measured: two unrelated 20,000-character statements, ~60 ms.
 */
export const MAX_EDIT_LENGTH = 300;

function kindOf(change: { added: boolean; removed: boolean }): DiffPartKind {
  return change.added ? 'inserted' : change.removed ? 'deleted' : 'same';
}

/** Consecutive parts of one kind joined, empty parts dropped. */
function compact(parts: DiffPart[]): DiffPart[] {
  const out: DiffPart[] = [];
  for (const part of parts) {
    if (part.value === '') continue;
    const last = out.at(-1);
    if (last && last.kind === part.kind) last.value += part.value;
    else out.push({ ...part });
  }
  return out;
}

function replaced(before: string, after: string): DiffPart[] {
  return compact([
    { kind: 'deleted', value: before },
    { kind: 'inserted', value: after },
  ]);
}

/** A text diffed by words, or replaced as a whole when the words differ too much. */
export function diffText(before: string, after: string): DiffPart[] {
  if (before === after) return compact([{ kind: 'same', value: before }]);
  const words = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (words) return compact(words.map((c) => ({ kind: kindOf(c), value: c.value })));
  return replaced(before, after);
}

/** A list diffed entry by entry: each part is one entry. */
export function diffList(before: string[], after: string[]): DiffPart[] {
  const changes = diffArrays(before, after, { maxEditLength: MAX_EDIT_LENGTH });
  if (!changes) {
    return [
      ...before.map((value) => ({ kind: 'deleted' as const, value })),
      ...after.map((value) => ({ kind: 'inserted' as const, value })),
    ];
  }
  return changes.flatMap((c) => c.value.map((value) => ({ kind: kindOf(c), value })));
}

function diffValue(before: string | null, after: string | null): DiffPart[] {
  if (before === after) return compact([{ kind: 'same', value: before ?? '' }]);
  return replaced(before ?? '', after ?? '');
}

/** Every field of the two texts, with its parts; `changed` when any part is not `same`. */
export function diffVision(before: VisionText, after: VisionText): FieldDiff[] {
  return VISION_FIELDS.map((field) => {
    let parts: DiffPart[];
    if (field === 'statement') parts = diffText(before.statement, after.statement);
    else if (field === 'periodStart' || field === 'periodEnd') parts = diffValue(before[field], after[field]);
    else parts = diffList(before[field], after[field]);
    return { field, changed: parts.some((p) => p.kind !== 'same'), parts };
  });
}

/** Whether two texts say the same (publishing an unchanged draft is refused). */
export function sameVision(a: VisionText, b: VisionText): boolean {
  return diffVision(a, b).every((f) => !f.changed);
}

/**
 * Finds columns by one of their known names in a CSV header (case-insensitive) and reads cells by index,
 * so repeated names (Jira's several "Sprint" columns) all count.
 */

export class ColumnIndex {
  private readonly byName = new Map<string, number[]>();

  constructor(header: readonly string[]) {
    header.forEach((name, index) => {
      const key = name.trim().toLowerCase();
      const list = this.byName.get(key);
      if (list) list.push(index);
      else this.byName.set(key, [index]);
    });
  }

  /** Every column index whose header is one of `names`, in file order. */
  indexes(...names: string[]): number[] {
    const found: number[] = [];
    for (const name of names) found.push(...(this.byName.get(name.toLowerCase()) ?? []));
    return found.sort((a, b) => a - b);
  }

  /** Every index whose header matches `pattern` (a bounded, anchored regex). */
  matching(pattern: RegExp): number[] {
    const found: number[] = [];
    for (const [name, list] of this.byName) if (pattern.test(name)) found.push(...list);
    return found.sort((a, b) => a - b);
  }

  has(...names: string[]): boolean {
    return names.some((name) => this.byName.has(name.toLowerCase()));
  }
}

/** The first non-blank cell among `indexes`, trimmed, or ''. */
export function firstCell(cells: readonly string[], indexes: readonly number[]): string {
  for (const i of indexes) {
    const value = cells[i]?.trim();
    if (value) return value;
  }
  return '';
}

/** Every non-blank cell among `indexes`, trimmed. */
export function allCells(cells: readonly string[], indexes: readonly number[]): string[] {
  const values: string[] = [];
  for (const i of indexes) {
    const value = cells[i]?.trim();
    if (value) values.push(value);
  }
  return values;
}

/** A points estimate: "3", "2.5", "2,5" (a European spreadsheet); anything else (or negative) is null. */
export function parseEstimate(value: string): number | null {
  if (value === '' || value.length > 32) return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** An item keeps at most this many labels, each at most this long: a hostile cell cannot blow up a row. */
export const MAX_LABELS = 50;
export const MAX_LABEL_LENGTH = 100;

/** Labels from cells that may each hold one label or several separated by `separator`, deduplicated. */
export function splitLabels(values: readonly string[], separator: RegExp): string[] {
  const labels = new Set<string>();
  for (const value of values) {
    for (const part of value.split(separator, MAX_LABELS * 4)) {
      const label = part.trim().slice(0, MAX_LABEL_LENGTH);
      if (label !== '') labels.add(label);
      if (labels.size >= MAX_LABELS) return [...labels];
    }
  }
  return [...labels];
}

/** Tools without issue types (Trello, Linear) mark them with labels: "bug", "spike", "story"; else task. */
export function typeFromLabels(labels: readonly string[]): 'story' | 'task' | 'bug' | 'spike' {
  const names = new Set(labels.map((l) => l.toLowerCase()));
  if (names.has('bug') || names.has('defect')) return 'bug';
  if (names.has('spike') || names.has('research')) return 'spike';
  if (names.has('story') || names.has('user story') || names.has('feature')) return 'story';
  return 'task';
}

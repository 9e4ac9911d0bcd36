/**
 * Reads the few fields a chart replays out of an item event's stored change set (JSON text) without
 * parsing the rest: a creation carries the description and the acceptance criteria, which can be long,
 * and a sprint's burndown reads thousands of events on every request.
 *
 * The text is what JSON.stringify wrote for `{ field: [before, after], … }`: no whitespace, and inside a
 * JSON string every quote is escaped, so `"status":[` can only be the key itself. Values of the fields
 * read here are strings, numbers or null.
 */
import type { Changes } from '../../domain/changes.ts';

/** The fields item-replay.ts reads. */
export const REPLAYED_FIELDS = ['key', 'title', 'sprintId', 'estimate', 'status', 'deletedAt'] as const;

const NUMBER = /-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/** The JSON value (string, number or null) starting at `start`, and where it ends. */
function readValue(text: string, start: number): { value: unknown; end: number } {
  const first = text.charCodeAt(start);
  if (first === 110 /* n */) return { value: null, end: start + 4 };
  if (first === 34 /* " */) {
    let close = start;
    for (;;) {
      close = text.indexOf('"', close + 1);
      if (close < 0) throw new SyntaxError('unterminated string in a change set');
      let backslashes = 0;
      while (text.charCodeAt(close - 1 - backslashes) === 92 /* \ */) backslashes += 1;
      if (backslashes % 2 === 0) break;
    }
    const raw = text.slice(start + 1, close);
    return { value: raw.includes('\\') ? JSON.parse(`"${raw}"`) : raw, end: close + 1 };
  }
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  if (!match) throw new SyntaxError(`unexpected value in a change set at ${start}`);
  return { value: Number(match[0]), end: start + match[0].length };
}

/** The fields a cumulative flow reads. */
export const FLOW_FIELDS = ['status', 'deletedAt'] as const;

/**
 * The fields (by default the replayed ones) the change set changes, each as [before, after]; null when
 * it changes none of them.
 */
export function readItemChanges(text: string, fields: readonly string[] = REPLAYED_FIELDS): Changes | null {
  let changes: Changes | null = null;
  for (const field of fields) {
    const key = `"${field}":[`;
    const at = text.indexOf(key);
    if (at < 0) continue;
    const before = readValue(text, at + key.length);
    const after = readValue(text, before.end + 1);
    changes ??= {};
    changes[field] = [before.value, after.value];
  }
  return changes;
}

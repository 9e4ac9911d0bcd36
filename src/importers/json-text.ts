/**
 * JSON exports → values, with errors that name a line. The parsed value is only ever read along known
 * paths (never walked recursively), so deep nesting in a hostile file costs no more than its size.
 */
import { AppError } from '../services/errors.ts';

/** Parses JSON text; a syntax error becomes `invalid_import` naming the line it is on. */
export function parseJsonText(text: string, what: string, lineOffset = 0): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const line = lineOffset + (position ? lineAt(text, Number(position[1])) : 1);
    const reason = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/s, '');
    throw new AppError('invalid_import', `line ${line}: the ${what} is not valid JSON: ${reason}`, { line });
  }
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** A plain object, or null for arrays, primitives and null. */
export function asRecord(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A string field, or '' when absent or not a string (numbers are written as text). */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

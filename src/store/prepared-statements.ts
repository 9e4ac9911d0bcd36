/**
 * The statements PostgreSQL prepares once per connection and then only binds and executes. Without a
 * name each execution is parsed, analysed and planned again on the server; with one that work is done on
 * a connection's first use, and PostgreSQL then plans each run anew for its values five times before it
 * keeps a generic plan, and only when that plan is no worse than the values' own.
 *
 * Two kinds of text get a name:
 * - the ones reusableQuery compiles once (every request's credential and item lookups, the item writes),
 *   named as soon as they are compiled: one per call site and dialect, as many as the code has;
 * - any other text with parameters, once it has run PREPARE_AFTER times (as JDBC's prepareThreshold and
 *   Npgsql's auto-prepare do): the writes Kysely builds anew on every request (a PATCH or a move with
 *   its event, in one statement) come out as the same text for the same shape. A text without parameters
 *   goes by the simple protocol, which may hold several statements, and is never named.
 *
 * Both tables are bounded: at most MAX_NAMES names in all (a connection holds at most that many prepared
 * statements), and at most MAX_COUNTED texts counted; past either, a new text runs unnamed.
 */
export const PREPARE_AFTER = 3;
export const MAX_NAMES = 300;
const MAX_COUNTED = 2_000;

const names = new Map<string, string>();
const runs = new Map<string, number>();

/** Gives `sql` a statement name (once): from now on every connection prepares it under that name. */
export function prepareByName(sql: string): void {
  if (!names.has(sql) && names.size < MAX_NAMES) names.set(sql, `cairn_${names.size + 1}`);
}

/**
 * The statement name `sql` runs under, or undefined to run it unnamed (parsed and planned on every run).
 * Counts a run of a text with parameters that has no name yet.
 */
export function statementName(sql: string, hasParameters: boolean): string | undefined {
  const name = names.get(sql);
  if (name !== undefined || !hasParameters || names.size >= MAX_NAMES) return name;
  const count = (runs.get(sql) ?? 0) + 1;
  if (count >= PREPARE_AFTER) {
    runs.delete(sql);
    prepareByName(sql);
    return names.get(sql);
  }
  if (count > 1 || runs.size < MAX_COUNTED) runs.set(sql, count);
  return undefined;
}

/**
 * The statements PostgreSQL prepares once per connection and then only binds and executes: the ones
 * reusableQuery compiles once (every request's credential and item lookups, the item writes). Without a
 * name each execution is parsed, analysed and planned again on the server; with one that work is done on a
 * connection's first use (PostgreSQL then keeps a generic plan once it is no worse than a custom one: every
 * such statement looks rows up by a key). The names come from a module-level table that only code fills,
 * one entry per reusableQuery call site and dialect, so it stays as small as the code.
 */
const names = new Map<string, string>();

/** Gives `sql` a statement name (once): from now on every connection prepares it under that name. */
export function prepareByName(sql: string): void {
  if (!names.has(sql)) names.set(sql, `cairn_${names.size + 1}`);
}

/** The statement name of `sql`, or undefined for a statement sent unnamed (parsed on every run). */
export function statementName(sql: string): string | undefined {
  return names.get(sql);
}

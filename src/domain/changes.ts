/** Field-level change sets, as recorded in events: field → [before, after]. */
export type Changes = Record<string, [unknown, unknown]>;

/** Structural equality for the JSON-like values planning objects hold. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The fields of `patch` whose values differ from `before`, as [before, after] pairs. */
export function diffFields<T extends object>(before: T, patch: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [field, after] of Object.entries(patch)) {
    if (after === undefined) continue;
    const prior = (before as Record<string, unknown>)[field];
    if (!sameValue(prior, after)) changes[field] = [prior ?? null, after];
  }
  return changes;
}

/** A creation as a change set: every field from null to its value. */
export function creationChanges(created: object): Changes {
  const changes: Changes = {};
  for (const [field, value] of Object.entries(created)) changes[field] = [null, value];
  return changes;
}

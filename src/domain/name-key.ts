/**
 * The form in which two theme names (or objective titles) of one product are compared: trimmed and
 * lower-cased, so "Growth", "growth " and "GROWTH" are one name. Computed here rather than with SQL's
 * lower(), which lower-cases only ASCII on SQLite.
 */
export function nameKey(name: string): string {
  return name.trim().toLowerCase();
}

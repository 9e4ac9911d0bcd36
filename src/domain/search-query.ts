/**
 * Turns what a user typed into a safe full-text query: words only (letters and digits), each matched as a
 * prefix, all required. The same words mean the same thing on SQLite FTS5 and PostgreSQL tsquery.
 */
export function searchTerms(q: string, maxTerms = 10): string[] {
  return (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, maxTerms);
}

/** FTS5 MATCH expression: "word"* "other"* */
export function fts5Query(terms: readonly string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}

/** to_tsquery('simple', …) expression: word:* & other:* */
export function tsQuery(terms: readonly string[]): string {
  return terms.map((t) => `${t}:*`).join(' & ');
}

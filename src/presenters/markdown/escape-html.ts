/** HTML escaping for text placed in element content or a quoted attribute. */
export function escapeHtml(text: string): string {
  // Plain string replacements: several times faster than one regular expression with a callback, which
  // matters for 200 kB of `<` shown as plain text.
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

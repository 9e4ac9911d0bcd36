/**
 * Markdown inputs for the renderer benchmark and the renderer's tests: the hostile shapes known to make
 * Markdown parsers quadratic or recursive (after CommonMark's own pathological tests and issue 12), and
 * plain release-notes-like Markdown of the same size.
 */

export interface MarkdownInput {
  name: string;
  source: string;
}

/** `unit` repeated to `size` characters (cut at a unit boundary, so never a broken surrogate). */
function repeatTo(unit: string, size: number): string {
  return unit.repeat(Math.max(1, Math.floor(size / unit.length)));
}

/** Lines built by `line(i)` until `size` characters (bounded by `size`, as every line is non-empty). */
function linesTo(size: number, line: (i: number) => string): string {
  const out: string[] = [];
  let length = 0;
  for (let i = 0; i < size && length < size; i++) {
    const next = `${line(i)}\n`;
    out.push(next);
    length += next.length;
  }
  return out.join('');
}

/** Hostile inputs of about `size` characters each. */
export function hostileInputs(size: number): MarkdownInput[] {
  const half = Math.floor((size - 1) / 2);
  return [
    { name: '`*a` repeated', source: repeatTo('*a', size) },
    { name: '`a*` repeated', source: repeatTo('a*', size) },
    { name: '`_a` repeated', source: repeatTo('_a', size) },
    { name: '`**a_` repeated (emphasis mix)', source: repeatTo('**a_', size) },
    { name: '`*_~` repeated (emphasis mix)', source: repeatTo('*_~a', size) },
    { name: '`[` repeated', source: repeatTo('[', size) },
    { name: '`[a](` repeated', source: repeatTo('[a](', size) },
    { name: '`![[]()` repeated', source: repeatTo('![[]()', size) },
    { name: '`` ` `` repeated', source: repeatTo('`', size) },
    { name: '`` `a `` repeated', source: repeatTo('`a', size) },
    { name: '`<` repeated', source: repeatTo('<', size) },
    { name: '`<a` repeated', source: repeatTo('<a ', size) },
    { name: '`&#` repeated', source: repeatTo('&#', size) },
    { name: '5,000 `>`', source: `${'>'.repeat(5_000)}a` },
    { name: '`> ` to size (one line)', source: repeatTo('> ', size) },
    { name: '`*` around a letter', source: `${'*'.repeat(half)}a${'*'.repeat(half)}` },
    { name: '`- ` to size (one line)', source: repeatTo('- ', size) },
    { name: 'list nested by indentation', source: linesTo(size, (i) => `${'  '.repeat(i)}- a`) },
    { name: 'quote nested line by line', source: linesTo(size, (i) => `${'>'.repeat(i + 1)} a`) },
    {
      name: 'link references: defined once, used everywhere',
      source: `[r]: https://example.com/r\n\n${repeatTo('[a][r] ', size)}`,
    },
    {
      name: 'link references: one per line, then used',
      source: linesTo(size, (i) => (i % 2 === 0 ? `[r${i}]: https://e.example/${i}` : `[x][r${i - 1}]`)),
    },
    { name: '`|` table, many columns', source: `${repeatTo('|a', size / 2)}\n${repeatTo('|-', size / 2)}` },
  ];
}

const PLAIN_PARAGRAPH = [
  '## Improved',
  '',
  '- **Faster search**: results appear as you type, even in products with [100,000 items](https://example.com/docs).',
  '- Exports keep the `rank` of every item, so an import puts them back *in the same order*.',
  '- The roadmap shows a ~~late~~ _delayed_ badge where a target date has passed.',
  '',
  '> Tip: press <kbd>?</kbd> anywhere for the keyboard shortcuts.',
  '',
  '1. Open the release',
  '2. Write the notes',
  '',
  '```',
  'cairn release publish 2.4',
  '```',
  '',
].join('\n');

/** Release-notes-like Markdown of about `size` characters: the yardstick the hostile inputs are held to. */
export function plainInput(size: number): MarkdownInput {
  return { name: 'plain release notes', source: `# 2.4\n\n${repeatTo(PLAIN_PARAGRAPH, size)}` };
}

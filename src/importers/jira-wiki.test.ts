import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { jiraWikiToMarkdown as md } from './jira-wiki.ts';

describe('jiraWikiToMarkdown', () => {
  it('converts headings, emphasis, links, lists, tables, quotes and code', () => {
    const wiki = [
      'h1. Title',
      '*bold* _it_ -gone- {{mono *x*}} [Docs|https://example.com] [https://x.example] [~ada]',
      '* one',
      '** two',
      '# first',
      '||A||B||',
      '|1|[l|http://u.example]|',
      '{quote}',
      'quoted',
      '{quote}',
      '{code:java}',
      'int *a* = 1;',
      '{code}',
      '{noformat}raw _x_{noformat}',
    ].join('\n');
    assert.equal(
      md(wiki),
      [
        '# Title',
        '**bold** _it_ ~~gone~~ `mono *x*` [Docs](https://example.com) <https://x.example> @ada',
        '- one',
        '   - two',
        '1. first',
        '| A | B |',
        '| --- | --- |',
        '| 1 | [l](http://u.example) |',
        '> quoted',
        '```java',
        'int *a* = 1;',
        '```',
        '```',
        'raw _x_',
        '```',
      ].join('\n'),
    );
  });

  it('leaves plain text and hyphenated words alone', () => {
    assert.equal(md('well-known and e-mail, 3-4 days'), 'well-known and e-mail, 3-4 days');
    assert.equal(md('Привет, 日本語'), 'Привет, 日本語');
  });

  it('costs about the same on hostile markup as on plain text of the same size', () => {
    const size = 100_000;
    const time = (text: string) => {
      let best = Number.POSITIVE_INFINITY;
      for (let i = 0; i < 3; i++) {
        const start = performance.now();
        md(text);
        best = Math.min(best, performance.now() - start);
      }
      return best;
    };
    const plain = time('a'.repeat(size));
    for (const unit of ['*a', '{{', '[a|', '_a', '-a ', '{code', '!a', '??a', '||']) {
      const hostile = unit.repeat(size / unit.length);
      // Backtracking would be seconds (quadratic on 100 kB); the margin absorbs a busy machine.
      assert.ok(time(hostile) < plain * 50 + 250, `${unit} took too long`);
    }
  });

  it('never throws and keeps every line of arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const out = md(text);
        assert.equal(typeof out, 'string');
      }),
      { numRuns: 300 },
    );
  });
});

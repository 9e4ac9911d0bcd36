import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { hostileInputs, plainInput } from '../../../bench/markdown/inputs.ts';
import { plainTextHtml, renderMarkdown, renderMarkdownDetailed } from './render-markdown.ts';

// What the renderer may write: these elements, with these attributes, and links only to these schemes.
const ELEMENTS = new Set(
  'p br hr h1 h2 h3 h4 h5 h6 em strong s code pre blockquote ul ol li a img table thead tbody tr th td'.split(
    ' ',
  ),
);
const ATTRIBUTES = new Set(['href', 'src', 'alt', 'title', 'class', 'start', 'style']);

/** Every problem with `html` as untrusted output: an element, attribute or link target outside the lists. */
function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const tag of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)) {
    const [, name = '', rest = ''] = tag;
    if (!ELEMENTS.has(name.toLowerCase())) problems.push(`element ${name}`);
    for (const attribute of rest.matchAll(/([^\s=]+)(?:="([^"]*)")?/g)) {
      const [, attributeName = '', value = ''] = attribute;
      if (!ATTRIBUTES.has(attributeName)) problems.push(`attribute ${attributeName}`);
      if (attributeName === 'href' && !/^(https?:|mailto:)/i.test(value)) problems.push(`href ${value}`);
      if (attributeName === 'src' && !/^https?:/i.test(value)) problems.push(`src ${value}`);
      if (attributeName === 'style' && !/^text-align:(left|right|center)$/.test(value)) {
        problems.push(`style ${value}`);
      }
    }
  }
  return problems;
}

describe('renderMarkdown', () => {
  it('renders Markdown: headings, emphasis, lists, quotes, code, tables, strikethrough and safe links', () => {
    const html = renderMarkdown(
      [
        '# 2.4',
        '',
        '- **Faster** _search_ with `code`',
        '',
        '> quoted',
        '',
        '| a | b |',
        '|---|---|',
        '| 1 | 2 |',
        '',
        '~~gone~~ [docs](https://example.com/d) <https://example.com/auto> mail@example.com',
      ].join('\n'),
    );
    assert.match(html, /<h1>2\.4<\/h1>/);
    assert.match(html, /<li><strong>Faster<\/strong> <em>search<\/em> with <code>code<\/code><\/li>/);
    assert.match(html, /<blockquote>\n<p>quoted<\/p>\n<\/blockquote>/);
    assert.match(html, /<td>1<\/td>/);
    assert.match(html, /<s>gone<\/s>/);
    assert.match(html, /<a href="https:\/\/example.com\/d">docs<\/a>/);
    assert.match(html, /<a href="https:\/\/example.com\/auto">https:\/\/example.com\/auto<\/a>/);
    assert.match(html, /<a href="mailto:mail@example.com">mail@example.com<\/a>/);
  });

  it('shows raw HTML as the text it is', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script>\n\n<img src=x onerror="alert(2)"> <b onclick="x()">bold</b> <svg onload=alert(3)>',
    );
    assert.doesNotMatch(html, /<(script|img|b|svg)[\s>]/);
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.match(html, /&lt;b onclick=&quot;x\(\)&quot;&gt;bold&lt;\/b&gt;/);
  });

  it('keeps only the text of links to anything but http(s) and mailto, and only http(s) images', () => {
    const html = renderMarkdown(
      [
        '[a](javascript:alert(1)) [b](JavaScript:alert(1)) [c]( javascript:alert(1) ) [d](vbscript:x)',
        '[e](data:text/html;base64,PHNjcmlwdD4=) [f](file:///etc/passwd) [g](/relative) <javascript:alert(2)>',
        '[h][bad] ![i](javascript:alert(3)) ![j](data:image/png;base64,AAAA) ![k](https://example.com/k.png)',
        '',
        '[bad]: javascript:alert(4)',
      ].join('\n'),
    );
    assert.deepEqual(unsafeParts(html), []);
    assert.doesNotMatch(html, /<a /);
    assert.match(
      html,
      /<p>a b c d\ne f g javascript:alert\(2\)\nh i j <img src="https:\/\/example.com\/k.png" alt="k"><\/p>/,
    );
  });

  it('never writes an element, attribute or link outside the allowed ones, whatever the text', () => {
    const pieces = fc.constantFrom(
      '<script>',
      '</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:x">',
      '[',
      ']',
      '(',
      ')',
      '](javascript:alert(1))',
      '](https://e.example/"onmouseover="x)',
      '<javascript:x>',
      '<https://e.example/>',
      '![',
      '*',
      '_',
      '`',
      '~~',
      '> ',
      '- ',
      '\n',
      '\n\n',
      '|',
      '&#x3C;',
      '&lt;',
      '"',
      "'",
      'www.e.example',
      'a@e.example',
      '[r]: javascript:y\n',
      'text',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        assert.deepEqual(unsafeParts(renderMarkdown(parts.join(''))), []);
      }),
      { numRuns: 500 },
    );
  });

  it('renders or degrades every hostile input of 100 and 200 kB, without throwing and with nothing unsafe', () => {
    for (const size of [100_000, 200_000]) {
      for (const input of hostileInputs(size)) {
        const { html } = renderMarkdownDetailed(input.source);
        assert.deepEqual(unsafeParts(html), [], `${input.name} at ${size}`);
      }
    }
  });

  it('shows text nested too deeply or full of delimiters as escaped plain text, with the reason', () => {
    const cases = [
      { source: `${'>'.repeat(5_000)}a`, reason: 'too_deep' },
      { source: `${'> '.repeat(50_000)}a`, reason: 'too_deep' },
      { source: `${'*'.repeat(49_999)}a${'*'.repeat(49_999)}`, reason: 'too_many_delimiters' },
      { source: '*a'.repeat(50_000), reason: 'too_many_delimiters' },
      { source: 'a'.repeat(200_001), reason: 'too_long' },
    ];
    for (const { source, reason } of cases) {
      const rendered = renderMarkdownDetailed(source);
      assert.equal(rendered.plainText, reason);
      assert.equal(rendered.html, plainTextHtml(source));
    }
  });

  it('renders release notes of the full 200 kB as Markdown', () => {
    const rendered = renderMarkdownDetailed(plainInput(199_000).source);
    assert.equal(rendered.plainText, null);
    assert.match(rendered.html, /<h2>Improved<\/h2>/);
  });
});

describe('plainTextHtml', () => {
  it('writes escaped paragraphs, keeping line breaks', () => {
    assert.equal(
      plainTextHtml('<b>one</b>\r\n& two\n\n\n  three  \n'),
      '<p>&lt;b&gt;one&lt;/b&gt;<br>\n&amp; two</p>\n<p>three</p>\n',
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { escapeXml, svgDocument } from './svg-document.ts';

describe('svgDocument', () => {
  const document = svgDocument({
    title: 'Velocity <Team "A&B">',
    legend: [
      { label: 'Committed', color: '#56B4E9', mark: 'bar' },
      { label: 'Mean', color: '#D55E00', mark: 'dashed' },
    ],
    width: 600.4,
    height: 300,
    chart:
      '<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="10" height="10"/></svg>',
  });

  it('is a standalone SVG file: XML header, namespace, white background, size including the header', () => {
    assert.ok(document.startsWith('<?xml version="1.0" encoding="UTF-8"'));
    assert.match(document, /<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="358"/);
    assert.match(document, /<rect x="0" y="0" width="600" height="358" fill="#ffffff"\/>/);
  });

  it('draws the title and the legend in, escaped', () => {
    assert.ok(document.includes('>Velocity &lt;Team &quot;A&amp;B&quot;&gt;</text>'));
    assert.ok(document.includes('>Committed</text>'));
    assert.ok(document.includes('stroke-dasharray="5 3"'));
  });

  it('places the chart under the header', () => {
    assert.ok(
      document.includes('<svg x="0" y="58" xmlns="http://www.w3.org/2000/svg" width="600" height="300">'),
    );
  });

  it('escapes every XML-significant character', () => {
    assert.equal(escapeXml(`<a href='x'>&"</a>`), '&lt;a href=&apos;x&apos;&gt;&amp;&quot;&lt;/a&gt;');
  });
});

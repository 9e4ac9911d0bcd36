import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Prd } from '../schemas/prd.ts';
import { PRD_PAGE_CSP, prdHtmlPage } from './prd-html.ts';
import { prdMarkdown } from './prd-markdown.ts';

const AT = '2026-12-01T10:00:00.000Z';

function prd(overrides: Partial<Prd> = {}): Prd {
  return {
    id: '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d',
    productId: '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9e',
    initiativeId: null,
    title: 'Pay faster',
    problem: 'Checkout is slow.',
    successMetrics: [{ name: 'Time to pay', baseline: '60 s', target: '30 s', measured: null }],
    requirements: [
      { id: 'r1', text: 'One form', itemIds: ['i1'] },
      { id: 'r2', text: 'Saved cards\nwith a second line', itemIds: [] },
    ],
    technicalConsiderations: '',
    openQuestions: 'Which wallets?',
    status: 'in_review',
    reviewers: [{ userId: 'u1', name: 'Ada', decision: 'approved', decidedAt: AT }],
    linkedItems: [{ id: 'i1', key: 'PAY-1', title: 'Payment form', status: 'ready', trashed: false }],
    createdBy: null,
    version: 3,
    createdAt: AT,
    updatedAt: AT,
    deletedAt: null,
    ...overrides,
  };
}

describe('prdMarkdown', () => {
  it('writes every section, the metrics as a table and each requirement with its items', () => {
    const md = prdMarkdown({ prd: prd(), initiativeTitle: 'Faster checkout' });
    assert.ok(md.startsWith('# Pay faster\n'));
    for (const part of [
      '- **Status:** In review',
      '- **Initiative:** Faster checkout',
      '- **Reviewers:** Ada: Approved (2026-12-01)',
      '## Problem\n\nCheckout is slow.',
      '| Time to pay | 60 s | 30 s | — |',
      '1. One form\n   - Backlog: PAY-1 Payment form',
      '2. Saved cards\n   with a second line\n   - Backlog: _no item yet_',
      '## Technical considerations\n\n_None yet._',
      '## Open questions\n\nWhich wallets?',
    ]) {
      assert.ok(md.includes(part), `missing ${JSON.stringify(part)}`);
    }
  });

  it('keeps a table cell one line with its pipes escaped, and a title on one line', () => {
    const md = prdMarkdown({
      prd: prd({
        title: 'Two\nlines',
        successMetrics: [{ name: 'a|b\nc', baseline: null, target: null, measured: null }],
      }),
      initiativeTitle: null,
    });
    assert.ok(md.startsWith('# Two lines\n'));
    assert.ok(md.includes('| a\\|b c | — | — | — |'));
    assert.ok(!md.includes('**Initiative:**'));
  });
});

describe('prdHtmlPage', () => {
  it('renders the sections as Markdown and escapes everything else', () => {
    const html = prdHtmlPage({
      prd: prd({
        title: '<img src=x onerror=alert(1)>',
        problem: '**Bold** <script>alert(1)</script> [x](javascript:alert(2))',
        linkedItems: [{ id: 'i1', key: 'PAY-1', title: '<b>form</b>', status: 'ready', trashed: true }],
      }),
      initiativeTitle: '<i>init</i>',
    });
    assert.ok(html.includes('<strong>Bold</strong>'));
    assert.ok(!/<script|<img|<b>|<i>|href="javascript:/i.test(html));
    assert.ok(html.includes('&lt;b&gt;form&lt;/b&gt; (in the trash)'));
    assert.ok(html.includes('@media print'));
  });

  it('allows its stylesheet by hash in a policy that allows no script', () => {
    assert.match(PRD_PAGE_CSP, /style-src 'sha256-[A-Za-z0-9+/=]+'/);
    assert.doesNotMatch(PRD_PAGE_CSP, /script-src|unsafe-inline/);
  });

  it('property: no text a user writes produces an element of its own', () => {
    const hostile = fc.oneof(
      fc.string(),
      fc.constantFrom('<script>x</script>', '<img src=x onerror=y>', '"><svg onload=1>', '[a](javascript:b)'),
    );
    fc.assert(
      fc.property(hostile, hostile, hostile, (title, problem, requirement) => {
        const html = prdHtmlPage({
          prd: prd({ title, problem, requirements: [{ id: 'r', text: requirement, itemIds: [] }] }),
          initiativeTitle: title,
        });
        assert.ok(!/<(script|img|svg|iframe)\b/i.test(html));
        assert.ok(!/href="\s*javascript:/i.test(html), 'no javascript: link');
      }),
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportReportT } from '../../api/imports.ts';
import {
  importButtonLabel,
  itemsToImport,
  moreText,
  shownOf,
  summaryLine,
  VALUE_SHOWN_CHARS,
  valueText,
  writesSomething,
} from './report-text.ts';

const none = { items: 0, initiatives: 0, sprints: 0, releases: 0, dependencies: 0, comments: 0 };

function report(overrides: Partial<ImportReportT> = {}): ImportReportT {
  return {
    kind: 'jira',
    format: 'jira-csv',
    dryRun: true,
    rows: 0,
    statusMapping: [],
    created: none,
    updated: none,
    unchanged: none,
    conflicts: [],
    conflictsTotal: 0,
    skipped: [],
    skippedTotal: 0,
    notes: [],
    preview: { items: [], initiatives: [] },
    ...overrides,
  };
}

describe('the import button', () => {
  it('names the items created and updated', () => {
    const r = report({ created: { ...none, items: 10 }, updated: { ...none, items: 2 } });
    assert.equal(itemsToImport(r), 12);
    assert.equal(importButtonLabel(r), 'Import 12 items');
    assert.equal(importButtonLabel(report({ created: { ...none, items: 1 } })), 'Import 1 item');
  });

  it('still imports when only initiatives change, and not when nothing does', () => {
    const epicsOnly = report({ created: { ...none, initiatives: 3 }, unchanged: { ...none, items: 5 } });
    assert.equal(importButtonLabel(epicsOnly), 'Import');
    assert.equal(writesSomething(epicsOnly), true);
    assert.equal(writesSomething(report({ unchanged: { ...none, items: 5 } })), false);
  });
});

describe('summaryLine', () => {
  it('counts created and updated, and unchanged only when there are some', () => {
    assert.equal(summaryLine(report({ created: { ...none, items: 4 } })), '4 created, 0 updated');
    const again = report({ updated: { ...none, items: 1 }, unchanged: { ...none, items: 3 } });
    assert.equal(summaryLine(again), '0 created, 1 updated, 3 unchanged');
  });
});

describe('valueText', () => {
  it('shows strings as they are and other values as JSON', () => {
    assert.equal(valueText('In review'), 'In review');
    assert.equal(valueText(5), '5');
    assert.equal(valueText(['a', 'b']), '["a","b"]');
    assert.equal(valueText(null), '—');
  });

  it('cuts a long value so the table stays readable', () => {
    const shown = valueText('x'.repeat(100_000));
    assert.equal(shown.length, VALUE_SHOWN_CHARS + 1);
    assert.ok(shown.endsWith('…'));
  });
});

describe('moreText', () => {
  it('says how many the server left out', () => {
    assert.equal(moreText(1000, 1500), 'and 500 more');
    assert.equal(moreText(3, 3), '');
  });
});

describe('shownOf', () => {
  it('says when a preview list is only the first rows', () => {
    assert.equal(shownOf(200, 5000), ' (the first 200 of 5,000)');
    assert.equal(shownOf(2, 2), '');
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8, writeCsv } from '../../test/fixtures/imports/write-csv.ts';
import { AppError } from '../services/errors.ts';
import { parseJiraCsv } from './jira-csv.ts';
import { parseExport } from './parse-export.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../test/fixtures/imports/${name}`, import.meta.url));

/** Asserts `run` throws invalid_import whose message starts with "line N:". */
function assertLineError(run: () => unknown, line: number, pattern?: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof AppError, String(error));
    assert.equal(error.code, 'invalid_import');
    assert.match(error.message, new RegExp(`^line ${line}: `));
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

describe('parseJiraCsv', () => {
  const bundle = parseExport('jira', fixture('jira-cloud.csv'));

  it('turns epics into initiatives and links stories, sub-tasks and numeric parents to them', () => {
    assert.equal(bundle.format, 'jira-csv');
    assert.deepEqual(
      bundle.initiatives.map((i) => [i.externalKey, i.title, i.targetDate, i.description]),
      [['SHOP-1', 'Checkout revamp', '2024-06-30', '## Goal\nMake checkout **fast**.']],
    );
    const byKey = new Map(bundle.items.map((i) => [i.externalKey, i]));
    assert.equal(byKey.get('SHOP-2')?.initiativeKey, 'SHOP-1');
    // The sub-task's parent is SHOP-2, whose epic is SHOP-1.
    assert.equal(byKey.get('SHOP-3')?.initiativeKey, 'SHOP-1');
    assert.equal(byKey.get('SHOP-3')?.type, 'task');
    assert.equal(byKey.get('SHOP-4')?.initiativeKey, null);
  });

  it('reads repeated columns: the last sprint, the first fix version, every label and comment', () => {
    const story = bundle.items.find((i) => i.externalKey === 'SHOP-2');
    assert.ok(story);
    assert.equal(story.sprintKey, 'Sprint 2');
    assert.equal(story.releaseKey, '1.0');
    assert.deepEqual(story.labels, ['payments', 'backend']);
    assert.equal(story.estimate, 5);
    assert.equal(story.type, 'story');
    assert.equal(story.createdAt, '2024-03-03T10:00:00.000Z');
    assert.deepEqual(story.comments, [
      { author: '557058:f1d2', at: '2024-03-12T10:15:00.000Z', body: 'Looks good, ship it' },
    ]);
    assert.match(story.description, /^As a shopper I want to pay by card\.\n- Visa\n- Mastercard\n\n```js\n/);
    assert.deepEqual(
      bundle.sprints.map((s) => s.name),
      ['Sprint 1', 'Sprint 2'],
    );
    assert.deepEqual(
      bundle.releases.map((r) => r.name),
      ['1.0', '1.1'],
    );
  });

  it('turns "Blocks" links into dependencies in the right direction and reports links out of the file', () => {
    assert.deepEqual(
      bundle.dependencies.map((d) => [d.blockerKey, d.blockedKey]),
      [
        ['SHOP-2', 'SHOP-3'],
        ['SHOP-2', 'SHOP-4'],
      ],
    );
    assert.ok(bundle.skipped.some((s) => s.line === 17 && /SHOP-99 is not in this file/.test(s.reason)));
  });

  it('keeps quotes, commas, newlines and non-Latin text, and counts lines across quoted newlines', () => {
    const bug = bundle.items.find((i) => i.externalKey === 'SHOP-4');
    assert.equal(bug?.title, 'Receipt e-mail with "quotes", commas');
    assert.equal(bug?.line, 12);
    assert.equal(bug?.createdAt, '2024-03-05T07:00:00.000Z');
    const task = bundle.items.find((i) => i.externalKey === 'SHOP-5');
    assert.equal(task?.title, 'Кириллица и 日本語のタイトル');
    assert.equal(task?.sourceStatus, 'Selected for Development');
  });

  it('reports rows without key or summary and duplicate keys with their line', () => {
    const reasons = bundle.skipped.filter((s) => s.line !== 17).map((s) => [s.line, s.externalKey, s.reason]);
    assert.deepEqual(reasons, [
      [14, 'SHOP-6', 'no Summary'],
      [15, null, 'no Issue key'],
      [16, 'SHOP-2', 'duplicate Issue key SHOP-2 (first on line 4)'],
    ]);
    assert.equal(bundle.rows, 9);
    assert.deepEqual(bundle.statuses, [
      'In Progress',
      'To Do',
      'Done',
      'Selected for Development',
      'Backlog',
    ]);
  });

  it('takes a file with only the two required columns', () => {
    const only = parseJiraCsv('Issue key,Summary\nA-1,First\n');
    assert.equal(only.items.length, 1);
    assert.deepEqual(
      [only.items[0]?.type, only.items[0]?.sourceStatus, only.items[0]?.estimate],
      ['task', 'To Do', null],
    );
  });

  it('refuses a file without "Summary" or "Issue key", naming line 1', () => {
    assertLineError(() => parseJiraCsv('Issue key,Title\nA-1,x\n'), 1, /"Summary"/);
    assertLineError(() => parseJiraCsv('Key,Summary\nA-1,x\n'), 1, /"Issue key"/);
    assertLineError(() => parseExport('jira', utf8('   ')), 1);
  });

  it('names the line where an unclosed quote starts', () => {
    assertLineError(
      () => parseJiraCsv('Issue key,Summary\nA-1,fine\nA-2,"never closed\nA-3,x\n'),
      3,
      /never closed/,
    );
  });

  it('reads BOM-marked, UTF-16, windows-1252 and semicolon-separated exports', () => {
    const text = 'Issue key;Summary;Labels\nA-1;Größe ändern;x\n';
    const withBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(text)]);
    assert.equal(parseExport('jira', withBom).items[0]?.title, 'Größe ändern');
    const le = new Uint8Array(2 + text.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) le[2 + i * 2] = text.charCodeAt(i);
    assert.equal(parseExport('jira', le).items[0]?.title, 'Größe ändern');
    const cp1252 = Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
    assert.equal(parseExport('jira', cp1252).items[0]?.title, 'Größe ändern');
  });
});

describe('parseJiraCsv with generated files', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom("=cmd|' /C calc'!A0", '+1+1', '@SUM(A1)', '-2+3', '"', '""', ',', '\n', 'a\nb', ' '),
    fc.string({ unit: 'grapheme', maxLength: 20 }),
  );

  it('round-trips every cell text, formula-looking ones included, as literal text', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 20 }), (pairs) => {
        const rows = pairs.map(([title, sprint], i) => [`K-${i + 1}`, `t${title}`, sprint]);
        const bundle = parseJiraCsv(writeCsv([['Issue key', 'Summary', 'Sprint'], ...rows]));
        assert.deepEqual(
          bundle.items.map((item) => item.title),
          rows.map((row) => (row[1] ?? '').trim()),
        );
        assert.deepEqual(
          bundle.items.map((item) => item.sprintKey),
          rows.map((row) => (row[2] ?? '').trim() || null),
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives a bundle or an error naming a line for broken quoting, never a crash', () => {
    const piece = fc.constantFrom('"', '""', ',', '\n', 'a', 'K-1', ' ', '\r\n', '"a"b');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), (pieces) => {
        const text = `Issue key,Summary\n${pieces.join('')}`;
        try {
          parseJiraCsv(text);
        } catch (error) {
          assert.ok(error instanceof AppError, String(error));
          assert.match(error.message, /^line \d+: /);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('parses a 1 MB cell and a file of many rows', () => {
    const huge = 'x'.repeat(1024 * 1024);
    const big = parseJiraCsv(
      writeCsv([
        ['Issue key', 'Summary', 'Description'],
        ['A-1', 'Huge', huge],
      ]),
    );
    assert.equal(big.items[0]?.description.length, 100_000);
    const rows = Array.from({ length: 5000 }, (_, i) => [`A-${i + 1}`, `Row ${i + 1}`]);
    const many = parseJiraCsv(writeCsv([['Issue key', 'Summary'], ...rows]));
    assert.equal(many.items.length, 5000);
    assert.equal(many.items[4999]?.line, 5001);
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { writeCsv } from '../../test/fixtures/imports/write-csv.ts';
import { AppError } from '../services/errors.ts';
import { parseLinearCsv } from './linear-csv.ts';
import { parseExport } from './parse-export.ts';

const file = readFileSync(new URL('../../test/fixtures/imports/linear.csv', import.meta.url));

describe('parseLinearCsv', () => {
  const bundle = parseExport('linear', file);

  it('maps projects to initiatives, cycles to per-team sprints and milestones to releases', () => {
    assert.equal(bundle.format, 'linear-csv');
    assert.deepEqual(
      bundle.initiatives.map((i) => [i.externalKey, i.title]),
      [['7d3c1a2b-0000-4000-8000-000000000001', 'Data portability']],
    );
    assert.deepEqual(
      bundle.sprints.map((s) => [s.externalKey, s.name, s.startDate, s.endDate]),
      [
        ['Engineering #4', 'Engineering Cycle 4', '2024-05-06', '2024-05-20'],
        ['Design #1', 'Design Kick-off', '2024-05-01', '2024-05-14'],
      ],
    );
    assert.deepEqual(
      bundle.releases.map((r) => [r.externalKey, r.name]),
      [['m-1', 'Beta']],
    );
  });

  it('reads items with estimates, labels, priorities, dates and multi-line descriptions', () => {
    const [first, second, third] = bundle.items;
    assert.deepEqual(
      [first?.externalKey, first?.type, first?.estimate, first?.labels, first?.priority, first?.dueDate],
      ['ENG-1', 'story', 3, ['Feature', 'backend'], 'High', '2024-05-31'],
    );
    assert.equal(first?.description, 'Parse **every** export.\n- Jira\n- Trello');
    assert.equal(first?.initiativeKey, '7d3c1a2b-0000-4000-8000-000000000001');
    assert.equal(first?.sprintKey, 'Engineering #4');
    assert.equal(first?.releaseKey, 'm-1');
    assert.deepEqual([second?.title, second?.type, second?.line], ['Fix the "empty row" crash', 'bug', 5]);
    assert.deepEqual(
      [third?.title, third?.priority, third?.createdAt],
      ['Иконки и 日本語', null, '2024-02-06T09:00:00.000Z'],
    );
  });

  it('turns Blocks / Blocked by into dependencies (once) and leaves Related to alone', () => {
    assert.deepEqual(
      bundle.dependencies.map((d) => [d.blockerKey, d.blockedKey]),
      [['ENG-1', 'ENG-2']],
    );
  });

  it('skips archived issues and rows without a title, with their line', () => {
    assert.deepEqual(
      bundle.skipped.map((s) => [s.line, s.externalKey, s.reason]),
      [
        [7, 'ENG-3', 'archived issue'],
        [8, 'ENG-4', 'no Title'],
      ],
    );
    assert.deepEqual(bundle.statuses, ['Backlog', 'In Progress', 'Todo']);
  });

  it('refuses a CSV that is not a Linear export, naming line 1', () => {
    assert.throws(
      () => parseLinearCsv('Issue key,Summary\nA-1,x\n'),
      (e: unknown) =>
        e instanceof AppError && e.code === 'invalid_import' && e.message.startsWith('line 1: '),
    );
  });

  it('keeps generated titles and descriptions as literal text', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc.constantFrom('=HYPERLINK("http://x")', '@cmd', '"\n"'),
    );
    fc.assert(
      fc.property(fc.array(fc.tuple(text, text), { minLength: 1, maxLength: 10 }), (rows) => {
        const csv = writeCsv([
          ['ID', 'Title', 'Description'],
          ...rows.map(([t, d], i) => [`L-${i}`, `x${t}`, d]),
        ]);
        const bundle = parseLinearCsv(csv);
        assert.deepEqual(
          bundle.items.map((item) => [item.title, item.description]),
          rows.map(([t, d]) => [`x${t}`.trim(), d.trim()]),
        );
      }),
      { numRuns: 150 },
    );
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from '../../test/fixtures/imports/write-csv.ts';
import { AppError } from '../services/errors.ts';
import { parseJiraJson } from './jira-json.ts';
import { parseExport } from './parse-export.ts';

const pages = readFileSync(new URL('../../test/fixtures/imports/jira-search-pages.json', import.meta.url));

describe('parseJiraJson', () => {
  const bundle = parseExport('jira', pages);

  it('reads every page: epics as initiatives, custom fields found through `names`', () => {
    assert.equal(bundle.format, 'jira-json');
    assert.equal(bundle.rows, 5);
    assert.deepEqual(
      bundle.initiatives.map((i) => [i.externalKey, i.title, i.targetDate, i.description]),
      [['OPS-1', 'Observability', '2024-09-30', '### Why\nWe fly **blind**.']],
    );
    const story = bundle.items.find((i) => i.externalKey === 'OPS-2');
    assert.ok(story);
    assert.deepEqual(
      [story.type, story.estimate, story.initiativeKey, story.sprintKey, story.releaseKey, story.priority],
      ['story', 5, 'OPS-1', '42', '10300', 'High'],
    );
    assert.deepEqual(story.acceptanceCriteria, [
      { text: 'logs are JSON', done: false },
      { text: 'every line has a request id', done: false },
    ]);
    assert.equal(story.description, 'Use `pino` everywhere.\n1. JSON lines\n1. request ids');
    assert.deepEqual(story.comments, [
      { author: 'grace@example.com', at: '2024-03-10T11:00:00.000Z', body: 'Looks **great**.' },
    ]);
  });

  it('reads both sprint shapes and fix versions with their dates', () => {
    assert.deepEqual(
      bundle.sprints.map((s) => [s.externalKey, s.name, s.state, s.startDate, s.endDate]),
      [
        ['41', 'Ops Sprint 1', 'closed', '2024-03-04', '2024-03-18'],
        ['42', 'Ops Sprint 2', 'active', '2024-03-18', '2024-04-01'],
        ['43', 'Ops Sprint 3', 'planned', null, null],
      ],
    );
    assert.deepEqual(bundle.releases, [
      { externalKey: '10300', name: '2024.04', releaseDate: '2024-04-15', released: false },
    ]);
  });

  it('turns Blocks links into one dependency whichever side lists it, and ignores Relates', () => {
    assert.deepEqual(
      bundle.dependencies.map((d) => [d.blockerKey, d.blockedKey]),
      [['OPS-2', 'OPS-3']],
    );
  });

  it('flattens REST v3 descriptions, gives a sub-task its parent epic, and reports empty summaries', () => {
    const bug = bundle.items.find((i) => i.externalKey === 'OPS-4');
    assert.equal(bug?.description, 'Page when errors pass 1%');
    assert.equal(bug?.initiativeKey, 'OPS-1');
    assert.deepEqual(
      bundle.skipped.map((s) => [s.externalKey, s.reason]),
      [['OPS-5', 'no summary']],
    );
  });

  it('reads a single page and JSON Lines of pages', () => {
    const page = (key: string) =>
      JSON.stringify({
        startAt: 0,
        issues: [{ key, fields: { summary: key, issuetype: { name: 'Task' } } }],
      });
    assert.equal(parseJiraJson(page('A-1')).items.length, 1);
    const lines = parseJiraJson(`${page('A-1')}\n${page('A-2')}\n${page('A-1')}\n`);
    assert.deepEqual(
      lines.items.map((i) => i.externalKey),
      ['A-1', 'A-2'],
    );
    assert.deepEqual(lines.skipped, [
      { line: 3, externalKey: 'A-1', reason: 'duplicate issue A-1 (pages overlap?)' },
    ]);
  });

  it('names the line of a syntax error, in a document and in JSON Lines', () => {
    const isLineError = (line: number) => (e: unknown) =>
      e instanceof AppError && e.code === 'invalid_import' && e.message.startsWith(`line ${line}: `);
    assert.throws(
      () => parseExport('jira', utf8('{\n  "issues": [\n    {"key": "A-1",,}\n  ]\n}')),
      isLineError(3),
    );
    assert.throws(() => parseJiraJson('{"issues": []}\n{"issues": [}\n'), isLineError(2));
    assert.throws(() => parseJiraJson('{"total": 3}'), isLineError(1));
  });

  it('never crashes on generated issues with odd field values', () => {
    const odd = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.array(fc.string()),
      fc.object({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            key: odd,
            fields: fc.dictionary(
              fc.constantFrom(
                'summary',
                'issuetype',
                'status',
                'labels',
                'fixVersions',
                'issuelinks',
                'comment',
                'parent',
                'customfield_10020',
                'customfield_10016',
                'description',
              ),
              odd,
            ),
          }),
          { maxLength: 15 },
        ),
        (issues) => {
          const bundle = parseJiraJson(JSON.stringify({ issues }));
          assert.equal(bundle.rows, issues.length);
        },
      ),
      { numRuns: 200 },
    );
  });
});

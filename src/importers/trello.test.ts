import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { utf8 } from '../../test/fixtures/imports/write-csv.ts';
import { AppError } from '../services/errors.ts';
import { parseExport } from './parse-export.ts';
import { parseTrelloJson } from './trello.ts';

const board = readFileSync(new URL('../../test/fixtures/imports/trello-board.json', import.meta.url));

describe('parseTrelloJson', () => {
  const bundle = parseExport('trello', board);

  it('orders items by list position, then card position (that order is the rank)', () => {
    assert.equal(bundle.format, 'trello-json');
    assert.deepEqual(
      bundle.items.map((i) => [i.title, i.sourceStatus]),
      [
        ['Fix the signup crash', 'To Do'],
        ['Write the landing page copy', 'To Do'],
        ['Перевести интерфейс / 日本語対応', 'Doing'],
        ['Ship v1', 'Done'],
      ],
    );
    assert.deepEqual(bundle.statuses, ['To Do', 'Doing', 'Done']);
  });

  it('brings checklists as acceptance criteria, comments oldest first, labels, due dates and estimates', () => {
    const copy = bundle.items[1];
    assert.ok(copy);
    assert.equal(copy.externalKey, '5f1a2b3c4d5e6f7081920d02');
    assert.deepEqual(copy.acceptanceCriteria, [
      { text: 'Headline under 60 characters', done: true },
      { text: 'Reviewed by marketing', done: false },
    ]);
    assert.deepEqual(copy.comments, [
      { author: 'ada', at: '2024-05-01T08:00:00.000Z', body: 'First draft is in the doc.' },
      { author: 'Ada Lovelace', at: '2024-05-02T09:30:00.000Z', body: 'Second thought: shorter.' },
    ]);
    assert.deepEqual(copy.labels, ['frontend']);
    assert.equal(copy.dueDate, '2024-05-20');
    assert.equal(copy.description, 'Short, **bold** claims.\n\nSee the brief.');
    const crash = bundle.items[0];
    assert.deepEqual([crash?.estimate, crash?.type, crash?.labels], [3, 'bug', ['bug']]);
  });

  it('skips archived cards and cards on archived lists, with the reason', () => {
    assert.equal(bundle.rows, 6);
    assert.deepEqual(
      bundle.skipped.map((s) => [s.externalKey, s.reason]),
      [
        ['5f1a2b3c4d5e6f7081920d04', 'archived card'],
        ['5f1a2b3c4d5e6f7081920d05', 'its list "Old ideas" is archived'],
      ],
    );
  });

  it('names the line of a JSON syntax error and refuses JSON that is not a board', () => {
    assert.throws(
      () => parseTrelloJson('{\n  "cards": [\n    {"id": 1,}\n  ]\n}'),
      (e: unknown) => e instanceof AppError && e.code === 'invalid_import' && /^line 3: /.test(e.message),
    );
    assert.throws(
      () => parseExport('trello', utf8('[1, 2]')),
      (e: unknown) => e instanceof AppError && /^line 1: this is not a Trello board export/.test(e.message),
    );
  });

  it('never crashes on generated boards with odd values', () => {
    const odd = fc.oneof(
      fc.string(),
      fc.integer(),
      fc.constant(null),
      fc.boolean(),
      fc.object({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ id: odd, name: odd, idList: odd, pos: odd, closed: odd, labels: odd }), {
          maxLength: 20,
        }),
        fc.array(fc.record({ id: odd, name: odd, pos: odd, closed: odd }), { maxLength: 5 }),
        odd,
        fc.array(fc.record({ type: fc.constantFrom('commentCard', 'updateCard'), data: odd, date: odd })),
        (cards, lists, checklists, actions) => {
          const bundle = parseTrelloJson(JSON.stringify({ cards, lists, checklists, actions }));
          assert.equal(bundle.items.length + bundle.skipped.length >= cards.length, true);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('reads deeply nested JSON without walking it', () => {
    const deep = `{"cards": [], "lists": [], "extra": ${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    assert.equal(parseTrelloJson(deep).items.length, 0);
  });
});

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import SQLite from 'better-sqlite3';
import { cachedStatements, withObjectRows } from './sqlite-statements.ts';

describe('SQLite statements as Kysely gets them', () => {
  let dir: string;
  let sqlite: SQLite.Database;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'cairn-statements-'));
    sqlite = new SQLite(join(dir, 'test.db'));
    sqlite.pragma('journal_mode = WAL');
    sqlite.exec(`
      create table things (id integer primary key, name text, size real, data blob, note text);
      create table tags (id integer primary key, thing_id integer, name text);
      insert into things values (1, 'one', 1.5, x'00ff', null), (2, 'two', null, null, 'second');
      insert into tags values (10, 1, 'red'), (11, 1, 'blue');
    `);
  });
  after(() => {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** What better-sqlite3 itself returns for `sql`. */
  const own = (sql: string, ...parameters: unknown[]) => sqlite.prepare(sql).all(...parameters);

  it("answers the same rows as better-sqlite3's own objects: keys, order, types, nulls", () => {
    for (const [sql, parameters] of [
      ['select * from things order by id', []],
      ['select name, id from things where id = ?', [2]],
      ['select count(*), max(size) as biggest from things', []],
      // A repeated name keeps the last value, as an object does.
      ['select things.*, tags.* from things join tags on tags.thing_id = things.id order by tags.id', []],
      ['select * from things where id = ?', [99]],
    ] as const) {
      const rows = withObjectRows(sqlite.prepare(sql)).all(parameters);
      assert.deepEqual(rows, own(sql, ...parameters), sql);
      assert.deepEqual(
        rows.map((row) => Object.keys(row as object)),
        own(sql, ...parameters).map((row) => Object.keys(row as object)),
        `${sql}: key order`,
      );
    }
  });

  it('iterates, runs writes, and reads a column named __proto__ as better-sqlite3 does', () => {
    const iterated = [
      ...withObjectRows(sqlite.prepare('select id, name from things order by id')).iterate([]),
    ];
    assert.deepEqual(iterated, [
      { id: 1, name: 'one' },
      { id: 2, name: 'two' },
    ]);
    const insert = withObjectRows(sqlite.prepare("insert into tags (thing_id, name) values (2, 'green')"));
    assert.equal(insert.run([]).changes, 1);
    const returning = withObjectRows(
      sqlite.prepare("insert into tags (thing_id, name) values (2, 'grey') returning id, name"),
    ).all([]);
    assert.equal((returning[0] as { name: string }).name, 'grey');
    const odd = 'select 1 as "__proto__", 2 as x';
    const [row] = withObjectRows(sqlite.prepare(odd)).all([]) as object[];
    assert.deepEqual(Object.keys(row ?? {}), Object.keys(own(odd)[0] as object));
    assert.equal(Object.getPrototypeOf(row), Object.prototype);
  });

  it('reshapes the rows of a cached select * after another connection adds a column', () => {
    const statements = cachedStatements(sqlite);
    const sql = 'select * from things where id = ?';
    assert.deepEqual(Object.keys(statements.prepare(sql).all([1])[0] as object), [
      'id',
      'name',
      'size',
      'data',
      'note',
    ]);
    const other = new SQLite(join(dir, 'test.db'));
    other.exec("alter table things add column colour text default 'red'");
    other.close();
    const [row] = statements.prepare(sql).all([1]) as Record<string, unknown>[];
    assert.equal(row?.colour, 'red');
    assert.deepEqual(row, own(sql, 1)[0]);
  });
});

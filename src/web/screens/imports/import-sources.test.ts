import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { contentTypeOf, formatBytes, IMPORT_SOURCES, sourceOf } from './import-sources.ts';

describe('IMPORT_SOURCES', () => {
  it('offers each kind the import API takes once, each with a line on how to export it', () => {
    assert.deepEqual(
      IMPORT_SOURCES.map((source) => source.kind),
      ['jira', 'trello', 'linear', 'markdown'],
    );
    for (const source of IMPORT_SOURCES) assert.ok(source.howTo.length > 20, source.kind);
  });

  it('finds a source by its kind', () => {
    assert.equal(sourceOf('linear').label, 'Linear (CSV)');
  });
});

describe('contentTypeOf', () => {
  it('goes by the file name’s ending, whatever the tool', () => {
    assert.equal(contentTypeOf('jira', 'issues.csv'), 'text/csv');
    assert.equal(contentTypeOf('jira', 'Issues.JSON'), 'application/json');
    assert.equal(contentTypeOf('markdown', 'notes.zip'), 'application/zip');
  });

  it('falls back to what the tool exports when the name says nothing', () => {
    assert.equal(contentTypeOf('jira', 'export'), 'text/csv');
    assert.equal(contentTypeOf('trello', 'board'), 'application/json');
    assert.equal(contentTypeOf('linear', 'issues.txt'), 'text/csv');
    assert.equal(contentTypeOf('markdown', 'folder'), 'application/zip');
  });
});

describe('formatBytes', () => {
  it('writes sizes people read', () => {
    assert.equal(formatBytes(812), '812 B');
    assert.equal(formatBytes(14_200), '13.9 KB');
    assert.equal(formatBytes(3_250_000), '3.1 MB');
    assert.equal(formatBytes(50 * 1024 * 1024), '50 MB');
  });
});

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { utf8 } from '../../test/fixtures/imports/write-csv.ts';
import { AppError } from '../services/errors.ts';
import type { MarkdownFile } from './markdown-folder.ts';
import { parseExport, parseMarkdownFolder } from './parse-export.ts';

const root = fileURLToPath(new URL('../../test/fixtures/imports/backlog', import.meta.url));

function readFolder(dir: string): MarkdownFile[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return readFolder(path);
    // Stored as .md.txt so that formatting the repository (Biome formats Markdown) leaves them as exported.
    return [{ path: `backlog/${relative(root, path).replace(/\.txt$/, '')}`, bytes: readFileSync(path) }];
  });
}

describe('parseMarkdownFolder', () => {
  const files = readFolder(root);
  const bundle = parseMarkdownFolder(files);

  it('reads Backlog.md tasks: front matter, description, acceptance criteria, order by ordinal', () => {
    assert.equal(bundle.format, 'markdown-folder');
    assert.deepEqual(
      bundle.items.map((i) => i.externalKey),
      ['BACK-355.02', 'BACK-355.01'],
    );
    const core = bundle.items[1];
    assert.ok(core);
    assert.equal(core.title, 'Core: Add type field to task domain model and persistence');
    assert.equal(core.type, 'story');
    assert.equal(core.priority, 'medium');
    assert.equal(core.createdAt, '2026-01-01T23:37:00.000Z');
    assert.deepEqual(core.acceptanceCriteria, [
      { text: "Task interface includes optional 'type' field", done: false },
      { text: "Task parser reads type from YAML frontmatter (defaults to 'task' if missing)", done: true },
    ]);
    assert.equal(
      core.description,
      'Add the foundational type field to the Task interface and implement persistence in markdown YAML frontmatter.\n\n## Implementation Plan\n\n1. Extend the interface.\n2. Parse and write the field.',
    );
    assert.equal(bundle.items[0]?.description, 'Body without a Description heading is the description.');
  });

  it('makes a parent task an initiative, milestones releases and dependencies dependencies', () => {
    assert.deepEqual(
      bundle.initiatives.map((i) => [i.externalKey, i.sourceStatus]),
      [['BACK-355', 'In Progress']],
    );
    assert.deepEqual(
      bundle.items.map((i) => i.initiativeKey),
      ['BACK-355', 'BACK-355'],
    );
    assert.deepEqual(bundle.releases, [
      { externalKey: 'm-1', name: 'Beta', releaseDate: null, released: false },
    ]);
    assert.equal(bundle.items[1]?.releaseKey, 'm-1');
    assert.deepEqual(
      bundle.dependencies.map((d) => [d.blockerKey, d.blockedKey]),
      [['BACK-355.01', 'BACK-355.02']],
    );
  });

  it('reports broken files with their line, and drafts and docs as not imported', () => {
    const reasons = bundle.skipped.map((s) => `${s.line ?? '-'} ${s.reason}`);
    assert.ok(
      reasons.some((r) => /^2 .*back-400 .*not valid YAML/.test(r)),
      reasons.join('\n'),
    );
    assert.ok(reasons.some((r) => /^1 .*back-401 .*no YAML front matter/.test(r)));
    assert.ok(reasons.some((r) => r.endsWith('drafts are not imported')));
    assert.ok(reasons.some((r) => r.endsWith('documents and decisions are not imported')));
  });

  it('reads the same folder from a zip through parseExport', () => {
    const zip = zipSync(Object.fromEntries(files.map((f) => [f.path, new Uint8Array(f.bytes)])));
    const fromZip = parseExport('markdown', zip, 'application/zip');
    assert.deepEqual(fromZip.items, bundle.items);
    assert.deepEqual(fromZip.initiatives, bundle.initiatives);
  });

  it('refuses a YAML alias bomb as a skipped file instead of expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [i, name] of ['b', 'c', 'd', 'e', 'f', 'g'].entries()) {
      const prev = 'abcdefg'[i];
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const bundle = parseMarkdownFolder([
      { path: 'tasks/task-1 - Bomb.md', bytes: utf8(`---\n${levels.join('\n')}\n---\n`) },
    ]);
    assert.equal(bundle.items.length, 0);
    assert.match(bundle.skipped[0]?.reason ?? '', /cannot be read|not valid YAML/);
  });

  it('never crashes on generated task files', () => {
    const piece = fc.constantFrom(
      '---\n',
      'id: t-1\n',
      'title: x\n',
      '## Acceptance Criteria\n',
      '- [ ] #1 a\n',
      ': :\n',
      '"',
      '&a ',
      '*a ',
      '\n',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        try {
          parseMarkdownFolder([{ path: 'tasks/t-1 - X.md', bytes: utf8(pieces.join('')) }]);
        } catch (error) {
          assert.ok(error instanceof AppError, String(error));
        }
      }),
      { numRuns: 300 },
    );
  });
});

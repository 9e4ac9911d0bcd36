import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { zipSync } from 'fflate';
import { AppError } from '../services/errors.ts';
import { isZip, MAX_ZIP_ENTRY_BYTES, unzipFiles } from './unzip.ts';

const text = (s: string) => new TextEncoder().encode(s);
const isZipError = (pattern: RegExp) => (e: unknown) =>
  e instanceof AppError && e.code === 'invalid_import' && pattern.test(e.message);

describe('unzipFiles', () => {
  it('returns the Markdown files, sorted, and passes over the rest', () => {
    const zip = zipSync({
      'b/task-2.md': text('two'),
      'a/task-1.md': text('one'),
      'img.png': text('x'),
      'dir/': {},
    });
    assert.ok(isZip(zip));
    assert.deepEqual(
      unzipFiles(zip).map((f) => [f.path, new TextDecoder().decode(f.bytes)]),
      [
        ['a/task-1.md', 'one'],
        ['b/task-2.md', 'two'],
      ],
    );
  });

  it('refuses paths that climb out of the folder', () => {
    assert.throws(() => unzipFiles(zipSync({ '../evil.md': text('x') })), isZipError(/climb out/));
    assert.throws(() => unzipFiles(zipSync({ '/etc/evil.md': text('x') })), isZipError(/absolute/));
  });

  it('refuses an entry declaring more than the limit before inflating it', () => {
    // 2 MB of zeros compresses to a few kB: a small bomb.
    const zip = zipSync({ 'big.md': new Uint8Array(MAX_ZIP_ENTRY_BYTES * 2) });
    assert.ok(zip.length < 50_000);
    assert.throws(() => unzipFiles(zip), isZipError(/larger than 1 MB/));
  });

  it('refuses bytes that are not a zip, naming line 1', () => {
    assert.throws(() => unzipFiles(text('PK\u0003\u0004 not really')), isZipError(/^line 1: /));
  });
});

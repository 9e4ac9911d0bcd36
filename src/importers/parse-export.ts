/**
 * The importers' one entry point: an export file's bytes → ImportBundle, for the import service (HTTP and
 * CLI). The kind says which tool the user exported from; the content decides the format (Jira: CSV or
 * REST JSON by its first character; Markdown: a zip of the folder). Errors are `invalid_import` with a
 * message naming the line.
 */
import { AppError } from '../services/errors.ts';
import type { ImportBundle, ImportKind } from './bundle.ts';
import { decodeText } from './decode-text.ts';
import { parseJiraCsv } from './jira-csv.ts';
import { parseJiraJson } from './jira-json.ts';
import { parseLinearCsv } from './linear-csv.ts';
import { type MarkdownFile, parseMarkdownFiles } from './markdown-folder.ts';
import { parseTrelloJson } from './trello.ts';
import { isZip, unzipFiles } from './unzip.ts';

export type { MarkdownFile } from './markdown-folder.ts';

/** Parses an export of `kind`; `contentType` only helps tell a zip from text when the bytes are ambiguous. */
export function parseExport(kind: ImportKind, bytes: Uint8Array, contentType?: string | null): ImportBundle {
  if (bytes.length === 0) throw new AppError('invalid_import', 'line 1: the file is empty', { line: 1 });
  switch (kind) {
    case 'jira': {
      const { text } = decodeText(bytes);
      return startsLikeJson(text) ? parseJiraJson(text) : parseJiraCsv(text);
    }
    case 'trello':
      return parseTrelloJson(decodeText(bytes).text);
    case 'linear':
      return parseLinearCsv(decodeText(bytes).text);
    case 'markdown': {
      if (isZip(bytes) || contentType?.includes('zip')) return parseMarkdownFiles(unzipFiles(bytes));
      // A single Markdown file sent on its own is a folder of one.
      return parseMarkdownFiles([{ path: 'task.md', bytes }]);
    }
  }
}

/** Parses a Markdown task folder already read from disk (the CLI): `path` relative to the folder. */
export function parseMarkdownFolder(files: readonly MarkdownFile[]): ImportBundle {
  return parseMarkdownFiles(files);
}

function startsLikeJson(text: string): boolean {
  const first = /\S/.exec(text.slice(0, 4096));
  return first !== null && (first[0] === '{' || first[0] === '[');
}

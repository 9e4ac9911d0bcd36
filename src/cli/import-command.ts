/**
 * `cairn import <jira|trello|linear|markdown> <file|folder> --product KEY [--dry-run] [--json]`: the same
 * import service as POST /products/{id}/imports, reading the export from disk. A Markdown task folder is
 * read as its .md files; every other export (and a zipped folder) as one file.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { Command } from 'commander';
import type { MarkdownFile } from '../importers/parse-export.ts';
import { IMPORT_MAX_BYTES, ImportKind, type ImportReport, StatusMapParam } from '../schemas/import.ts';
import type { Actor } from '../services/context.ts';
import { AppError } from '../services/errors.ts';
import { type ImportSource, runImport } from '../services/imports/run-import.ts';
import { findActiveUserByEmail } from '../services/users/find-user.ts';
import { firstOwner } from '../services/users/first-owner.ts';
import type { Db } from '../store/database.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';
import { parseOrExplain } from './parse.ts';

/** A folder's walk stops at these: the Markdown importer takes no more files, nor deeper nesting. */
const MAX_FILES = 20_000;
const MAX_DEPTH = 12;
const MAX_FILE_BYTES = 1024 * 1024;

interface Flags {
  product: string;
  dryRun?: boolean;
  json?: boolean;
  statusMap?: string;
  as?: string;
  data?: string;
  databaseUrl?: string;
}

/** The .md files under `root`, with paths relative to it ('/' separated), in name order. */
async function readMarkdownFolder(root: string): Promise<MarkdownFile[]> {
  const files: MarkdownFile[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    if (depth > MAX_DEPTH) return;
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    for (const entry of entries) {
      if (files.length >= MAX_FILES) return;
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith('.')) await walk(path, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) {
        if ((await stat(path)).size > MAX_FILE_BYTES) {
          throw new AppError(
            'invalid_import',
            `${relative(root, path)}: larger than ${MAX_FILE_BYTES} bytes`,
          );
        }
        files.push({ path: relative(root, path).split('\\').join('/'), bytes: await readFile(path) });
      }
    }
  };
  await walk(root, 0);
  return files;
}

async function readSource(kind: ImportKind, path: string): Promise<ImportSource> {
  const info = await stat(path).catch(() => {
    throw new AppError('not_found', `${path}: no such file or folder`);
  });
  if (info.isDirectory()) {
    if (kind !== 'markdown')
      throw new AppError('invalid_import', `${path} is a folder: give the export file`);
    return { files: await readMarkdownFolder(path) };
  }
  if (info.size > IMPORT_MAX_BYTES) {
    throw new AppError('payload_too_large', `${path} exceeds the import limit of ${IMPORT_MAX_BYTES} bytes`);
  }
  return {
    bytes: await readFile(path),
    contentType: path.toLowerCase().endsWith('.zip') ? 'application/zip' : null,
  };
}

async function actorOf(db: Db, email: string | undefined): Promise<Actor> {
  if (email === undefined) return firstOwner(db);
  const user = await findActiveUserByEmail(db, email);
  return { id: user.id, role: user.role };
}

const line = (label: string, counts: ImportReport['created']) =>
  `${label.padEnd(10)} ${Object.entries(counts)
    .map(([what, n]) => `${n} ${what}`)
    .join(', ')}`;

/** The report as a person reads it in a terminal. */
export function formatReport(report: ImportReport): string {
  const out = [
    `${report.dryRun ? 'Dry run (nothing written)' : 'Imported'}: ${report.format}, ${report.rows} rows`,
    line('create', report.created),
    line('update', report.updated),
    line('unchanged', report.unchanged),
    'Statuses:',
    ...report.statusMapping.map((s) => `  ${s.source} → ${s.status} (${s.items} items)`),
  ];
  for (const note of report.notes) out.push(`Note: ${note}`);
  if (report.conflictsTotal > 0) {
    out.push(`Conflicts (kept Cairn's value): ${report.conflictsTotal}`);
    for (const c of report.conflicts) {
      out.push(
        `  ${c.externalKey}${c.itemKey ? ` (${c.itemKey})` : ''} ${c.field}: Cairn ${JSON.stringify(c.cairnValue)}, file ${JSON.stringify(c.importedValue)}`,
      );
    }
  }
  if (report.skippedTotal > 0) {
    out.push(`Skipped: ${report.skippedTotal}`);
    for (const s of report.skipped) {
      out.push(`  ${s.line === null ? '' : `line ${s.line}: `}${s.externalKey ?? ''} ${s.reason}`.trimEnd());
    }
  }
  return out.join('\n');
}

export function importCommand(): Command {
  return withDatabaseOptions(new Command('import'))
    .description(
      'Import an export from Jira (CSV or JSON), Trello (JSON), Linear (CSV) or a Markdown task folder.',
    )
    .argument('<kind>', 'jira, trello, linear or markdown')
    .argument('<path>', 'the export file, or the Markdown task folder (or its .zip)')
    .requiredOption('--product <key>', 'the product to import into (its key, such as CAI)')
    .option('--dry-run', 'report what the import would do and write nothing')
    .option('--json', 'print the report as JSON')
    .option('--status-map <json>', 'source status → Cairn status, e.g. \'{"Waiting for QA":"in_review"}\'')
    .option('--as <email>', 'the user the import acts as (default: the first owner)')
    .action(async (kindArg: string, path: string, flags: Flags) => {
      const kind = parseOrExplain(ImportKind, kindArg);
      const statusMap =
        flags.statusMap === undefined ? undefined : parseOrExplain(StatusMapParam, flags.statusMap);
      const source = await readSource(kind, path);
      const database = await openFromFlags(flags);
      try {
        const report = await runImport({
          db: database.db,
          actor: await actorOf(database.db, flags.as),
          // A key may be typed in lower case; an id is passed as it is.
          productId: /^[a-z]{2,10}$/i.test(flags.product) ? flags.product.toUpperCase() : flags.product,
          kind,
          dryRun: flags.dryRun === true,
          statusMap,
          source,
        });
        console.log(flags.json ? JSON.stringify(report, null, 2) : formatReport(report));
      } finally {
        await database.close();
      }
    });
}

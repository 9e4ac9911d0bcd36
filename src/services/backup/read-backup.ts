/**
 * Reading a backup file: the header decides which reader reads the rest. Each format version has a
 * reader that yields the same records (version 1's as they are); a future version 2 adds its reader here
 * and keeps version 1's, so a backup written by an older Cairn still restores after an upgrade.
 */
import { type FileHandle, open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { AppError } from '../errors.ts';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupHeader,
  type BackupValue,
} from './backup-format.ts';

/** What a reader yields after the header, whichever format version it reads. */
export type BackupRecord =
  | { kind: 'table'; table: string; columns: string[] }
  | { kind: 'row'; values: BackupValue[] }
  | { kind: 'end-table'; table: string; rows: number };

export interface OpenedBackup {
  header: BackupHeader;
  records: AsyncGenerator<BackupRecord>;
  /** Stops reading (the file is closed). */
  close(): void;
}

type Reader = (lines: AsyncIterator<string>, firstLine: number) => AsyncGenerator<BackupRecord>;

/** A reader per format version; every version ever written stays here. */
const READERS: Readonly<Record<number, Reader>> = { 1: readVersion1 };

const invalid = (line: number, message: string) =>
  new AppError('invalid_import', `backup line ${line}: ${message}`, { line });

/** Opens `file` and reads its header; refuses a file that is not a Cairn backup or is from a newer Cairn. */
export async function openBackup(file: string): Promise<OpenedBackup> {
  let handle: FileHandle;
  try {
    handle = await open(file, 'r');
  } catch (error) {
    throw new AppError('invalid_import', `not a readable Cairn backup: ${(error as Error).message}`);
  }
  const source = handle.createReadStream();
  const input = createGunzip();
  // A read error (or a gzip stream cut short) ends the lines with that error instead of hanging.
  pipeline(source, input).catch(() => {});
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  const iterator = lines[Symbol.asyncIterator]();
  const close = () => {
    lines.close();
    source.destroy();
    input.destroy();
  };
  try {
    const first = await iterator.next();
    const header = parseHeader(first.done ? '' : first.value);
    const reader = READERS[header.formatVersion];
    if (!reader) {
      throw new AppError(
        'invalid_import',
        header.formatVersion > BACKUP_FORMAT_VERSION
          ? `this backup has format version ${header.formatVersion}, newer than this Cairn reads ` +
              `(up to ${BACKUP_FORMAT_VERSION}): upgrade Cairn to restore it`
          : `backup format version ${header.formatVersion} is not one Cairn ever wrote`,
        { formatVersion: header.formatVersion },
      );
    }
    return { header, records: reader(iterator, 2), close };
  } catch (error) {
    close();
    if (error instanceof AppError) throw error;
    throw new AppError('invalid_import', `not a readable Cairn backup: ${(error as Error).message}`);
  }
}

function parseHeader(line: string): BackupHeader {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw invalid(1, 'not a Cairn backup header');
  }
  const header = parsed as Partial<BackupHeader> | null;
  if (header === null || typeof header !== 'object' || header.format !== BACKUP_FORMAT) {
    throw invalid(1, `not a Cairn backup (no "format": "${BACKUP_FORMAT}")`);
  }
  if (!Number.isInteger(header.formatVersion) || (header.formatVersion as number) < 1) {
    throw invalid(1, 'formatVersion must be a positive integer');
  }
  if (typeof header.schemaVersion !== 'string' || !/^\d{3}-[a-z0-9-]{1,80}$/.test(header.schemaVersion)) {
    throw invalid(1, 'schemaVersion must name a migration');
  }
  return header as BackupHeader;
}

/** Format version 1: the records are the lines themselves. */
async function* readVersion1(lines: AsyncIterator<string>, firstLine: number): AsyncGenerator<BackupRecord> {
  let line = firstLine - 1;
  let table: { name: string; width: number; rows: number } | null = null;
  let tables = 0;
  let total = 0;
  // One iteration per line of the file: the file is the operator's own, read once, in bounded memory.
  for (;;) {
    const next = await lines.next();
    if (next.done) throw invalid(line + 1, 'the backup ends early (it was cut short)');
    line += 1;
    const text = next.value;
    if (table !== null && text.startsWith('[')) {
      const values = parseRow(text, line, table.width);
      table.rows += 1;
      yield { kind: 'row', values };
      continue;
    }
    const record = parseObject(text, line);
    if (table === null && typeof record.table === 'string' && Array.isArray(record.columns)) {
      const columns = record.columns;
      if (
        columns.length === 0 ||
        columns.some((c) => typeof c !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(c))
      ) {
        throw invalid(line, `table ${record.table}: columns must be plain column names`);
      }
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(record.table))
        throw invalid(line, 'a table name must be a plain name');
      table = { name: record.table, width: columns.length, rows: 0 };
      yield { kind: 'table', table: record.table, columns: columns as string[] };
    } else if (table !== null && record.end === table.name) {
      if (record.rows !== table.rows) {
        throw invalid(line, `table ${table.name} should have ${String(record.rows)} rows, has ${table.rows}`);
      }
      yield { kind: 'end-table', table: table.name, rows: table.rows };
      tables += 1;
      total += table.rows;
      table = null;
    } else if (table === null && record.end === BACKUP_FORMAT) {
      if (record.tables !== tables || record.rows !== total) {
        throw invalid(line, `the backup should hold ${String(record.rows)} rows, holds ${total}`);
      }
      return;
    } else {
      throw invalid(line, table ? `expected a row of ${table.name} or its end` : 'expected a table');
    }
  }
}

function parseObject(text: string, line: number): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(line, 'not valid JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw invalid(line, 'expected an object');
  }
  return parsed as Record<string, unknown>;
}

function parseRow(text: string, line: number, width: number): BackupValue[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw invalid(line, 'not valid JSON');
  }
  if (!Array.isArray(parsed) || parsed.length !== width) throw invalid(line, `expected ${width} values`);
  for (const value of parsed) {
    if (value !== null && typeof value !== 'string' && typeof value !== 'number') {
      throw invalid(line, 'values must be text, numbers or null');
    }
  }
  return parsed as BackupValue[];
}

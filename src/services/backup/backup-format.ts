/**
 * The backup file: gzip'd JSON lines. Line 1 is the header; then, per table, a line naming the table and
 * its columns, one JSON array per row (values in column order), and a line closing the table with its
 * row count; the last line closes the backup. Values are what both databases store alike: text, numbers
 * and null (booleans are 0/1, JSON and timestamps are text), so a backup of either restores into either.
 */
import type { DialectName } from '../../store/database.ts';

/** The format this Cairn writes. A reader per older version upgrades what it reads (read-backup.ts). */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FORMAT = 'cairn-backup';

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  formatVersion: number;
  /** The last migration the source database had run: a restore migrates to it before inserting. */
  schemaVersion: string;
  createdAt: string;
  dialect: DialectName;
}

export interface TableStart {
  table: string;
  columns: string[];
}

export interface TableEnd {
  end: string;
  rows: number;
}

/** The last line: without it the file was cut short. */
export interface BackupEnd {
  end: typeof BACKUP_FORMAT;
  tables: number;
  rows: number;
}

export type BackupValue = string | number | null;

/**
 * One stored value as it goes into the file. The drivers return strings, numbers and null for Cairn's
 * column types; the other cases are what a driver could return for a type a future migration might use.
 */
export function backupValue(value: unknown, where: string): BackupValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where}: the number ${value} cannot be backed up`);
    return value;
  }
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) throw new Error(`${where}: binary columns cannot be backed up`);
  return JSON.stringify(value);
}

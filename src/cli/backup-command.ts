/**
 * `cairn backup <file>`, `cairn restore <file> [--force]` and `cairn export <KEY>`: thin commands over the
 * backup and export services. A backup may run beside a serving server (it reads one snapshot); a restore
 * wants the server stopped, since it rebuilds the schema.
 */

import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { Command, Option } from 'commander';
import { loadConfig } from '../config.ts';
import { restoreWorkspace } from '../services/backup/restore-workspace.ts';
import { backupWorkspace } from '../services/backup/write-backup.ts';
import { exportProductCsv } from '../services/exports/export-product-csv.ts';
import { exportProductJson } from '../services/exports/export-product-json.ts';
import { firstOwner } from '../services/users/first-owner.ts';
import { type Database, openDatabase } from '../store/database.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';

type DatabaseFlags = { data?: string; databaseUrl?: string };

/** Opens the database as it is: a backup copies it unchanged, a restore migrates it itself. */
function openAsIs(flags: DatabaseFlags): Database {
  const config = loadConfig({ data: flags.data, databaseUrl: flags.databaseUrl });
  return openDatabase({ databaseUrl: config.databaseUrl, sqliteFile: config.sqliteFile });
}

const seconds = (started: number) => `${((performance.now() - started) / 1000).toFixed(1)} s`;

export function backupCommand(): Command {
  return withDatabaseOptions(new Command('backup'))
    .description(
      'Write the whole workspace (users and password hashes included) to a gzip file readable only by you. ' +
        'Safe while the server runs.',
    )
    .argument('<file>', 'the backup file to write (replaced once the new one is complete)')
    .action(async (file: string, flags: DatabaseFlags) => {
      const database = openAsIs(flags);
      try {
        const started = performance.now();
        const summary = await backupWorkspace({ db: database.db, file });
        console.log(
          `backed up ${database.describe} (schema ${summary.schemaVersion}): ${summary.rows} rows in ` +
            `${summary.tables} tables to ${file} in ${seconds(started)}`,
        );
      } finally {
        await database.close();
      }
    });
}

export function restoreCommand(): Command {
  return withDatabaseOptions(new Command('restore'))
    .description(
      'Restore a backup (from SQLite or PostgreSQL) into an empty database, then migrate it. Stop the server first.',
    )
    .argument('<file>', 'a file written by `cairn backup`')
    .option('--force', 'replace everything the database holds')
    .action(async (file: string, flags: DatabaseFlags & { force?: boolean }) => {
      const database = openAsIs(flags);
      try {
        const started = performance.now();
        const summary = await restoreWorkspace({
          db: database.db,
          file,
          force: flags.force === true,
          describe: database.describe,
        });
        console.log(
          `restored ${summary.rows} rows in ${summary.tables} tables (a ${summary.header.dialect} backup of ` +
            `${summary.header.createdAt}, schema ${summary.header.schemaVersion}) into ${database.describe} ` +
            `in ${seconds(started)}`,
        );
        if (summary.migrated.length > 0) console.log(`then migrated: ${summary.migrated.join(', ')}`);
      } finally {
        await database.close();
      }
    });
}

export function exportCommand(): Command {
  return withDatabaseOptions(new Command('export'))
    .description('Export a product: its whole model and history as JSON, or its items or initiatives as CSV.')
    .argument('<product>', 'the product key (or id)')
    .addOption(new Option('--format <format>', 'json or csv').choices(['json', 'csv']).default('json'))
    .addOption(
      new Option('--what <what>', 'with --format csv: items or initiatives')
        .choices(['items', 'initiatives'])
        .default('items'),
    )
    .option('--output <file>', 'write to this file instead of standard output')
    .action(
      async (
        product: string,
        flags: DatabaseFlags & { format: 'json' | 'csv'; what: 'items' | 'initiatives'; output?: string },
      ) => {
        const database = await openFromFlags(flags);
        try {
          const ctx = { db: database.db, actor: await firstOwner(database.db), productRef: product };
          const { chunks } =
            flags.format === 'json'
              ? await exportProductJson(ctx)
              : await exportProductCsv({ ...ctx, kind: flags.what });
          const out = flags.output ? createWriteStream(flags.output) : process.stdout;
          for await (const chunk of chunks) {
            if (!out.write(chunk)) await once(out, 'drain');
          }
          if (flags.output) {
            out.end();
            await once(out, 'finish');
          }
        } finally {
          await database.close();
        }
      },
    );
}

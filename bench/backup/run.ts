/**
 * `npm run bench:backup` (and the end of `npm run bench`): `cairn backup` and `cairn restore` of a
 * workspace with one 100,000-item product (bench/generate.ts: items, initiatives, dependencies and their
 * events), on each database: the backup of it, its restore into a fresh database of the same kind, and a
 * restore into the other kind. Target: each ≤ 30 s. BENCH_BACKUP_ITEMS changes the size,
 * BENCH_DIALECTS (default sqlite,postgres) the databases.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { restoreWorkspace } from '../../src/services/backup/restore-workspace.ts';
import { backupWorkspace } from '../../src/services/backup/write-backup.ts';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase } from '../databases.ts';
import { createFixture } from '../generate.ts';

const ITEMS = Number(process.env.BENCH_BACKUP_ITEMS ?? 100_000);
const TARGET_SECONDS = 30;
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[];

export interface BackupBenchRow {
  step: string;
  rows: number;
  seconds: number;
  /** This process's own CPU time (user + system) in the step: wall time far above it means waiting. */
  cpuSeconds: number;
}

const log = (line: string) => console.log(`[bench:backup] ${line}`);

export async function benchBackup(): Promise<BackupBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'cairn-bench-backup-'));
  const results: BackupBenchRow[] = [];
  try {
    for (const dialect of DIALECTS) {
      const source = await createBenchDatabase(dialect);
      try {
        log(`${dialect}: generating ${ITEMS} items…`);
        await createFixture(source.database.db, { items: ITEMS, initiatives: 50, dependencies: ITEMS / 10 });
        const file = join(dir, `${dialect}.cairn-backup.gz`);
        let started = performance.now();
        let cpu = process.cpuUsage();
        const backup = await backupWorkspace({ db: source.database.db, file });
        results.push({
          step: `backup ${dialect}`,
          rows: backup.rows,
          seconds: since(started),
          cpuSeconds: cpuSince(cpu),
        });
        log(`${dialect}: backup of ${backup.rows} rows, ${(statSync(file).size / 2 ** 20).toFixed(1)} MiB`);
        for (const target of DIALECTS) {
          const into = await createBenchDatabase(target);
          try {
            started = performance.now();
            cpu = process.cpuUsage();
            const restored = await restoreWorkspace({ db: into.database.db, file });
            results.push({
              step: `restore ${dialect} → ${target}`,
              rows: restored.rows,
              seconds: since(started),
              cpuSeconds: cpuSince(cpu),
            });
          } finally {
            await into.drop();
          }
        }
      } finally {
        await source.drop();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(markdown(results));
  return results;
}

const since = (started: number) => Math.round((performance.now() - started) / 10) / 100;
const cpuSince = (start: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 10_000) / 100;
};

function markdown(rows: readonly BackupBenchRow[]): string {
  const lines = [
    `Backup and restore, ${ITEMS.toLocaleString('en')} items (target ≤ ${TARGET_SECONDS} s each)`,
    '',
    '| step | rows | seconds | process CPU s | within target |',
    '|---|---:|---:|---:|---|',
  ];
  for (const row of rows) {
    lines.push(
      `| ${row.step} | ${row.rows} | ${row.seconds.toFixed(2)} | ${row.cpuSeconds.toFixed(2)} | ${row.seconds <= TARGET_SECONDS ? 'yes' : 'NO'} |`,
    );
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchBackup();

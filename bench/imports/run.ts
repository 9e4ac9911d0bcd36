/**
 * `npm run bench:imports` (and the end of `npm run bench`): a 50,000-row Jira CSV export (100 epics, 20
 * sprints, 10 fix versions, a "blocks" link on every tenth row, labels, story points, wiki markup) parsed,
 * dry-run and imported into an empty product on each database, then imported again (every row
 * unchanged). Target (issue 15): parse + import ≤ 20 s. BENCH_IMPORT_ROWS changes the size,
 * BENCH_DIALECTS (default sqlite,postgres) the databases.
 */
import { fileURLToPath } from 'node:url';
import { parseExport } from '../../src/importers/parse-export.ts';
import type { Actor } from '../../src/services/context.ts';
import { runImport } from '../../src/services/imports/run-import.ts';
import { createProduct } from '../../src/services/products/create-product.ts';
import { setupWorkspace } from '../../src/services/users/setup-workspace.ts';
import type { DialectName } from '../../src/store/database.ts';
import { createBenchDatabase } from '../databases.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const TARGET_SECONDS = 20;
const DIALECTS = (process.env.BENCH_DIALECTS ?? 'sqlite,postgres').split(',') as DialectName[];
const EPICS = 100;
const STATUSES = ['To Do', 'Selected for Development', 'In Progress', 'In Review', 'Done', "Won't Do"];

export interface ImportBenchRow {
  dialect: string;
  step: string;
  rows: number;
  seconds: number;
}

const log = (line: string) => console.log(`[bench:imports] ${line}`);
const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A Jira CSV export of `rows` rows: the epics first, then stories linked to them. */
export function jiraCsv(rows: number): Uint8Array {
  const lines = [
    [
      'Issue key',
      'Issue id',
      'Summary',
      'Issue Type',
      'Status',
      'Priority',
      'Custom field (Story Points)',
      'Sprint',
      'Fix Version/s',
      'Custom field (Epic Link)',
      'Labels',
      'Labels',
      'Description',
      'Created',
      'Updated',
      'Outward issue link (Blocks)',
    ].join(','),
  ];
  for (let n = 1; n <= rows; n++) {
    const epic = n <= EPICS;
    const cells = [
      `BEN-${n}`,
      String(10_000 + n),
      epic ? `Epic ${n}: a theme of work` : `Story ${n}: as a shopper I can do thing ${n}`,
      epic ? 'Epic' : n % 7 === 0 ? 'Bug' : 'Story',
      STATUSES[n % STATUSES.length]!,
      'Medium',
      epic ? '' : String((n % 8) + 1),
      epic ? '' : `BEN Sprint ${(n % 20) + 1}`,
      epic ? '' : `1.${n % 10}`,
      epic ? '' : `BEN-${(n % EPICS) + 1}`,
      `area-${n % 12}`,
      n % 3 === 0 ? 'customer' : '',
      `h3. Context\nThe *shopper* wants _thing_ ${n}.\n* first point\n* second, with {{code}}`,
      '12/Mar/24 10:15 AM',
      '2024-04-01T09:00:00.000+0000',
      !epic && n % 10 === 0 && n + 1 <= rows ? `BEN-${n + 1}` : '',
    ];
    lines.push(cells.map(quote).join(','));
  }
  return new TextEncoder().encode(lines.join('\n'));
}

const since = (started: number) => Math.round((performance.now() - started) / 10) / 100;

export async function benchImports(): Promise<ImportBenchRow[]> {
  const results: ImportBenchRow[] = [];
  log(`generating a ${ROWS}-row Jira CSV…`);
  const bytes = jiraCsv(ROWS);
  log(`${(bytes.length / 2 ** 20).toFixed(1)} MiB`);
  for (const dialect of DIALECTS) {
    const bench = await createBenchDatabase(dialect);
    try {
      const db = bench.database.db;
      const { user } = await setupWorkspace({
        db,
        input: { email: 'owner@example.com', name: 'Bench Owner', password: 'a long enough password' },
      });
      const actor: Actor = { id: user.id, role: 'owner' };
      const product = await createProduct({
        db,
        actor,
        input: { key: 'BEN', name: 'Bench', description: '' },
      });
      const step = async (name: string, run: () => Promise<unknown> | unknown) => {
        const started = performance.now();
        await run();
        const seconds = since(started);
        results.push({ dialect, step: name, rows: ROWS, seconds });
        log(`${dialect}: ${name} ${seconds} s`);
      };
      const source = { bytes, contentType: 'text/csv' };
      const options = { db, actor, productId: product.id, kind: 'jira' as const, source };
      await step('parse', () => parseExport('jira', bytes, 'text/csv'));
      await step('parse + dry run', () => runImport({ ...options, dryRun: true }));
      await step('parse + import', () => runImport({ ...options, dryRun: false }));
      await step('parse + re-import (unchanged)', () => runImport({ ...options, dryRun: false }));
    } finally {
      await bench.drop();
    }
  }
  console.log(markdown(results));
  return results;
}

function markdown(rows: readonly ImportBenchRow[]): string {
  const lines = [
    `Import of a ${ROWS.toLocaleString('en')}-row Jira CSV (target: parse + import ≤ ${TARGET_SECONDS} s)`,
    '',
    '| database | step | seconds | within target |',
    '|---|---|---:|---|',
  ];
  for (const row of rows) {
    const judged = row.step === 'parse + import' ? (row.seconds <= TARGET_SECONDS ? 'yes' : 'NO') : '';
    lines.push(`| ${row.dialect} | ${row.step} | ${row.seconds.toFixed(2)} | ${judged} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await benchImports();

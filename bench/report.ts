/** Results of a run: the targets they are held to, a console table, markdown, and the JSON file. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DialectName } from '../src/store/database.ts';
import type { ClientWritesResult } from './http-client/measure.ts';
import type { LatencyStats, Operation } from './http-latency.ts';
import type { SearchResult } from './search.ts';
import type { StartupBreakdown } from './startup.ts';
import type { ThroughputResult } from './throughput.ts';

export interface DialectResult {
  dialect: DialectName;
  data: { items: number; initiatives: number; dependencies: number };
  /** Medians over the bulk runs; `importItemsRuns` lists each run's importItems seconds. */
  bulkLoad: { importItemsSeconds: number; importDependenciesSeconds: number; importItemsRuns: number[] };
  latency: Partial<Record<Operation, LatencyStats>>;
  search: SearchResult;
  /** The same operations on a product of `smallItems` items, for comparison with `latency`. */
  flatness: { smallItems: number; small: Partial<Record<Operation, LatencyStats>> };
  startup: { readyMs: number[]; medianReadyMs: number; breakdown: StartupBreakdown; idleRssMb: number };
  throughput: ThroughputResult;
  /** 1-minute load average when this dialect's run started and ended: other work on the machine shows here. */
  loadAverage: { start: number; end: number };
}

export interface BenchResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGiB: number;
    node: string;
    sqlite: string;
    postgres: string | null;
    loadAverageStart: number[];
    loadAverageEnd: number[];
  };
  settings: Record<string, number | string>;
  results: DialectResult[];
  /** Writes from a separate client process on SQLite (bench/http-client); absent without SQLite. */
  clientWrites: ClientWritesResult | undefined;
  checks: Check[];
}

export interface Check {
  dialect: DialectName;
  metric: string;
  value: number;
  unit: string;
  target: string;
  /** null: reported without a target. */
  pass: boolean | null;
}

const LABELS: Record<Operation, string> = {
  getItem: 'GET item',
  listFirstPage: 'list first page (status=backlog, limit=100)',
  createItem: 'create item',
  patchItem: 'PATCH item',
  moveItem: 'move item',
};
const FLAT_OPERATIONS: readonly Operation[] = ['getItem', 'listFirstPage', 'patchItem'];

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Every figure of a dialect with the target it is held to (latency targets are stated for SQLite). */
export function checksFor(result: DialectResult): Check[] {
  const { dialect } = result;
  const sqliteOnly = dialect === 'sqlite' ? '' : ' (SQLite target)';
  const bulkTarget = dialect === 'sqlite' ? 5 : 10;
  const ratioTarget = dialect === 'sqlite' ? 0.5 : 0.3;
  const checks: Check[] = [
    {
      dialect,
      metric: `bulk load: importItems of ${result.data.items.toLocaleString('en')} items (median of ${result.bulkLoad.importItemsRuns.length})`,
      value: round(result.bulkLoad.importItemsSeconds),
      unit: 's',
      target: `≤ ${bulkTarget} s`,
      pass: result.bulkLoad.importItemsSeconds <= bulkTarget,
    },
    {
      dialect,
      metric: `bulk load: importDependencies of ${result.data.dependencies.toLocaleString('en')} pairs`,
      value: round(result.bulkLoad.importDependenciesSeconds),
      unit: 's',
      target: '—',
      pass: null,
    },
  ];
  for (const [operation, stats] of Object.entries(result.latency) as [Operation, LatencyStats][]) {
    checks.push(
      {
        dialect,
        metric: `${LABELS[operation]} p50`,
        value: stats.p50,
        unit: 'ms',
        target: `≤ 2 ms${sqliteOnly}`,
        pass: stats.p50 <= 2,
      },
      {
        dialect,
        metric: `${LABELS[operation]} p99`,
        value: stats.p99,
        unit: 'ms',
        target: `≤ 10 ms${sqliteOnly}`,
        pass: stats.p99 <= 10,
      },
    );
  }
  const { throughput, search, startup } = result;
  checks.push(
    {
      dialect,
      metric: `GET item throughput, ${throughput.connections} connections`,
      value: throughput.cairn.requestsPerSecond,
      unit: 'req/s',
      target: '—',
      pass: null,
    },
    {
      dialect,
      metric: 'bare node:http baseline, same JSON',
      value: throughput.baseline.requestsPerSecond,
      unit: 'req/s',
      target: '—',
      pass: null,
    },
    {
      dialect,
      metric: `throughput ratio Cairn / baseline (median of ${throughput.ratios.length})`,
      value: throughput.ratio,
      unit: '×',
      target: `≥ ${ratioTarget}`,
      pass: throughput.ratio >= ratioTarget,
    },
    {
      dialect,
      metric: 'text search q= p50',
      value: search.p50,
      unit: 'ms',
      target: '≤ 20 ms',
      pass: search.p50 <= 20,
    },
    { dialect, metric: 'text search q= p99', value: search.p99, unit: 'ms', target: '—', pass: null },
  );
  for (const operation of FLAT_OPERATIONS) {
    const small = result.flatness.small[operation];
    const large = result.latency[operation];
    if (!small || !large) continue;
    checks.push({
      dialect,
      metric: `flatness: ${LABELS[operation]} p50 at ${result.data.items.toLocaleString('en')} / at ${result.flatness.smallItems.toLocaleString('en')} items`,
      value: round(large.p50 / small.p50),
      unit: '×',
      target: '— (flat ≈ 1)',
      pass: null,
    });
  }
  checks.push(
    {
      dialect,
      metric: 'server start → healthy (median)',
      value: Math.round(startup.medianReadyMs),
      unit: 'ms',
      target: '≤ 1000 ms',
      pass: startup.medianReadyMs <= 1000,
    },
    {
      dialect,
      metric: 'server RSS under throughput load (max)',
      value: throughput.cairnRssMb.max,
      unit: 'MiB',
      target: '≤ 300 MiB',
      pass: throughput.cairnRssMb.max <= 300,
    },
  );
  return checks;
}

/** Creates and updates from a separate client process, held to 750/s and a p50 of 1.3 ms. */
export function clientWriteChecks(result: ClientWritesResult): Check[] {
  const { median } = result;
  const checks: Check[] = [];
  for (const [name, stats] of [
    ['create', median.create],
    ['update', median.update],
  ] as const) {
    checks.push(
      {
        dialect: 'sqlite',
        metric: `${name} from a separate client process (median of ${result.runs.length} runs)`,
        value: stats.perSecond,
        unit: '/s',
        target: '≥ 750 /s',
        pass: stats.perSecond >= 750,
      },
      {
        dialect: 'sqlite',
        metric: `${name} from a separate client process p50`,
        value: stats.p50,
        unit: 'ms',
        target: '≤ 1.3 ms',
        pass: stats.p50 <= 1.3,
      },
    );
  }
  return checks;
}

/** Each run of the separate-client write benchmark. */
export function clientWritesMarkdown(result: ClientWritesResult): string {
  const rows = result.runs.map((run, i) => [
    String(i + 1),
    `${run.create.perSecond}`,
    `${run.create.p50} / ${run.create.p95}`,
    `${run.update.perSecond}`,
    `${run.update.p50} / ${run.update.p95}`,
  ]);
  return [
    `### Writes from a separate client process (SQLite, ${result.items} creates then ${result.items} updates per run)`,
    '',
    table(['Run', 'creates/s', 'create p50 / p95 (ms)', 'updates/s', 'update p50 / p95 (ms)'], rows),
  ].join('\n');
}

const verdict = (pass: boolean | null) => (pass === null ? '' : pass ? 'pass' : 'MISS');

/** A plain-text table of every check, for the console. */
export function consoleTable(checks: readonly Check[]): string {
  const rows = checks.map((c) => [c.dialect, c.metric, `${c.value} ${c.unit}`, c.target, verdict(c.pass)]);
  const header = ['dialect', 'metric', 'value', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

const DIALECT_NAMES: Record<DialectName, string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ].join('\n');
}

/** Markdown for BENCHMARKS.md: the targets, then the detail behind each figure. */
export function markdown(results: BenchResults): string {
  const dialects = results.results.map((r) => r.dialect);
  const names = dialects.map((d) => DIALECT_NAMES[d]);
  const metrics = [...new Set(results.checks.map((c) => c.metric))];
  const summary = metrics.map((metric) => {
    const cells = dialects.map((dialect) => {
      const check = results.checks.find((c) => c.dialect === dialect && c.metric === metric);
      if (!check) return '—';
      const mark = check.pass === null ? '' : check.pass ? ' ✅' : ' ❌ miss';
      return `${check.value} ${check.unit}${mark}`;
    });
    const target = results.checks.find((c) => c.metric === metric)?.target.replace(' (SQLite target)', '');
    return [metric, ...cells, target ?? '—'];
  });
  const latencyRows = results.results.flatMap((r) =>
    (Object.entries(r.latency) as [Operation, LatencyStats][]).map(([operation, s]) => [
      DIALECT_NAMES[r.dialect],
      LABELS[operation],
      String(s.samples),
      `${s.p50}`,
      `${s.p90}`,
      `${s.p99}`,
      `${s.max}`,
    ]),
  );
  const flatRows = results.results.flatMap((r) =>
    FLAT_OPERATIONS.map((operation) => [
      DIALECT_NAMES[r.dialect],
      LABELS[operation],
      `${r.flatness.small[operation]?.p50 ?? '—'}`,
      `${r.latency[operation]?.p50 ?? '—'}`,
    ]),
  );
  const startupRows = results.results.map((r) => {
    const b = r.startup.breakdown;
    return [
      DIALECT_NAMES[r.dialect],
      r.startup.readyMs.map((ms) => Math.round(ms)).join(', '),
      `${b.bootAndLoadMs}`,
      `${b.openAndMigrateMs}`,
      `${b.startServerMs}`,
      `${round(r.startup.idleRssMb, 1)}`,
    ];
  });
  const throughputRows = results.results.map((r) => {
    const t = r.throughput;
    return [
      DIALECT_NAMES[r.dialect],
      `${t.cairn.requestsPerSecond} (${t.cairn.requests} in ${round(t.cairn.seconds, 1)} s, ${t.cairn.errors} errors)`,
      `${t.baseline.requestsPerSecond} (${t.baseline.requests} in ${round(t.baseline.seconds, 1)} s)`,
      `${t.ratio} (runs: ${t.ratios.join(', ')})`,
      `${t.cairnRssMb.max} (${t.cairnRssMb.samples} samples)`,
    ];
  });
  const searchRows = results.results.map((r) => [
    DIALECT_NAMES[r.dialect],
    String(r.search.samples),
    `${r.search.p50}`,
    `${r.search.p90}`,
    `${r.search.p99}`,
    `${r.search.meanHits}`,
  ]);
  return [
    `Run ${results.date}: ${results.machine.cpus} × ${results.machine.cpuModel}, ${results.machine.memoryGiB} GiB, ` +
      `Node ${results.machine.node}, SQLite ${results.machine.sqlite}, PostgreSQL ${results.machine.postgres ?? '—'}. ` +
      `Load average (1 min) at the start / end of each database's run: ${results.results
        .map((r) => `${DIALECT_NAMES[r.dialect]} ${r.loadAverage.start} / ${r.loadAverage.end}`)
        .join('; ')}.`,
    '',
    '### Targets',
    '',
    table(['Metric', ...names, 'Target'], summary),
    '',
    '### Request latency (ms, sequential requests on one keep-alive connection)',
    '',
    table(['Database', 'Operation', 'Samples', 'p50', 'p90', 'p99', 'max'], latencyRows),
    '',
    '### Flatness (p50 ms)',
    '',
    table(
      [
        'Database',
        'Operation',
        `${results.results[0]?.flatness.smallItems.toLocaleString('en') ?? '?'} items`,
        `${results.results[0]?.data.items.toLocaleString('en') ?? '?'} items`,
      ],
      flatRows,
    ),
    '',
    '### Text search (ms)',
    '',
    table(['Database', 'Samples', 'p50', 'p90', 'p99', 'mean hits on page 1'], searchRows),
    '',
    '### Throughput (GET item)',
    '',
    table(
      ['Database', 'Cairn req/s', 'bare node:http req/s', 'ratio', 'Cairn RSS max (MiB)'],
      throughputRows,
    ),
    '',
    '### Start-up (ms)',
    '',
    table(
      [
        'Database',
        'spawn → healthy, each run',
        'boot + load bundle (`--version`)',
        'open + migrate',
        'startServer',
        'RSS idle (MiB)',
      ],
      startupRows,
    ),
  ].join('\n');
}

/**
 * JSON as the repository's formatter (Biome, 110 columns) prints it — arrays of plain values on one line
 * when they fit — so `npm run lint` stays clean after a run (Biome reads bench/ and ignores .gitignore).
 * Enough for the results' shape (short number arrays); Biome's fill layout for long arrays is not copied.
 */
export function formatJson(value: unknown): string {
  const text = JSON.stringify(value, null, 2);
  return text.replace(
    /^( *)(.*)\[\n((?:\1 {2}[^\n[\]{}]*\n)+)\1\](,?)$/gm,
    (whole, indent: string, prefix: string, body: string, comma: string) => {
      const values = body
        .trim()
        .split('\n')
        .map((line) => line.trim().replace(/,$/, ''));
      const line = `${indent}${prefix}[${values.join(', ')}]${comma}`;
      return line.length <= 110 ? line : whole;
    },
  );
}

export function writeJson(file: string, results: BenchResults): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${formatJson(results)}\n`);
}

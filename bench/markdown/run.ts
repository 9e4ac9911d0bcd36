/**
 * `npm run bench:markdown` (also the last part of `npm run bench`): Cairn's Markdown renderer against
 * markdown-it alone, marked 18 (what rendered before, unbounded) and micromark with GFM, on the hostile
 * inputs of bench/markdown/inputs.ts and on plain release notes, at 100 and 200 kB. Cairn's renderer and
 * markdown-it run in this process, warm (5 renders of every input shape at 20 kB first): the median of 5
 * renders as CPU time (wall time beside it, as the machine is shared). marked and micromark can take
 * seconds or minutes, so each of their renders runs once in a worker stopped after
 * BENCH_MARKDOWN_CAP_SECONDS (default 10) of wall time. Target: every input renders in ≤ 100 ms with
 * Cairn's renderer.
 */
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { renderMarkdown } from '../../src/presenters/markdown/render-markdown.ts';
import { hostileInputs, type MarkdownInput, plainInput } from './inputs.ts';
import { renderInWorker, SLOW_RENDERERS, type SlowResult } from './slow-renderers.ts';

const SIZES = [100_000, 200_000] as const;
const RUNS = 5;
/** Renders of each input shape, at 20 kB, before anything is timed: a server renders warm. */
const WARMUP_RENDERS = 5;
const CAP_MS = 1000 * Number(process.env.BENCH_MARKDOWN_CAP_SECONDS ?? 10);
export const TARGET_MS = 100;

const markdownIt = new MarkdownIt({ html: false, linkify: true });

const RENDERERS: Record<string, (source: string) => string> = {
  cairn: renderMarkdown,
  'markdown-it': (source) => markdownIt.render(source),
};

export interface Measure {
  cpuMs: number;
  wallMs: number;
  error?: string;
}

function measure(render: (source: string) => string, source: string): Measure {
  const runs: Measure[] = [];
  for (let run = 0; run < RUNS; run++) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    let error: string | undefined;
    try {
      render(source);
    } catch (caught) {
      error = caught instanceof RangeError ? 'stack overflow' : String(caught);
    }
    const used = process.cpuUsage(cpu);
    runs.push({
      cpuMs: (used.user + used.system) / 1000,
      wallMs: performance.now() - start,
      ...(error && { error }),
    });
    if (error) break;
  }
  runs.sort((a, b) => a.cpuMs - b.cpuMs);
  return runs[Math.floor(runs.length / 2)]!;
}

export interface MarkdownRow {
  input: string;
  size: number;
  chars: number;
  results: Record<string, Measure | SlowResult | 'skipped'>;
}

export async function benchMarkdown(log: (message: string) => void = () => {}): Promise<MarkdownRow[]> {
  const rows: MarkdownRow[] = [];
  // Warm-up renders of every input shape, so that no figure is V8 compiling the parser (a single warm-up
  // render left the first input measured at 100+ ms of CPU on background compiler threads, 25 ms warm).
  const warmUp = [plainInput(20_000), ...hostileInputs(20_000)];
  for (const render of Object.values(RENDERERS)) {
    for (const input of warmUp) for (let run = 0; run < WARMUP_RENDERS; run++) render(input.source);
  }
  const stoppedAtSmallerSize = new Set<string>();
  for (const size of SIZES) {
    const inputs: MarkdownInput[] = [plainInput(size), ...hostileInputs(size)];
    for (const [index, input] of inputs.entries()) {
      const results: MarkdownRow['results'] = {};
      for (const [name, render] of Object.entries(RENDERERS)) results[name] = measure(render, input.source);
      for (const renderer of SLOW_RENDERERS) {
        // Stopped at 100 kB: not tried at 200 kB, where it would only be stopped again.
        const key = `${renderer}|${input.name}`;
        if (stoppedAtSmallerSize.has(key)) {
          results[renderer] = 'skipped';
          continue;
        }
        const result = await renderInWorker({ renderer, size, index }, CAP_MS);
        if ('stoppedAfterMs' in result) stoppedAtSmallerSize.add(key);
        results[renderer] = result;
      }
      rows.push({ input: input.name, size, chars: input.source.length, results });
      log(`markdown ${size / 1000} kB: ${input.name}`);
    }
  }
  return rows;
}

function cell(result: Measure | SlowResult | 'skipped' | undefined): string {
  if (result === undefined) return '';
  if (result === 'skipped') return 'not run (stopped at 100 kB)';
  if ('stoppedAfterMs' in result) return `stopped after ${result.stoppedAfterMs / 1000} s`;
  const figure =
    'cpuMs' in result
      ? `${result.cpuMs.toFixed(1)} (${result.wallMs.toFixed(0)})`
      : `(${result.wallMs.toFixed(0)})`;
  return result.error ? `${figure} ✗ ${result.error}` : figure;
}

export function markdownTable(rows: readonly MarkdownRow[]): string {
  const names = [...Object.keys(RENDERERS), ...SLOW_RENDERERS];
  const lines = [
    `| Input | Size | ${names.join(' | ')} |`,
    `|---|---|${names.map(() => '---').join('|')}|`,
    ...rows.map(
      (row) =>
        `| ${row.input} | ${row.chars.toLocaleString('en')} | ${names.map((name) => cell(row.results[name])).join(' | ')} |`,
    ),
  ];
  const worst = Math.max(
    ...rows.map((row) => {
      const result = row.results.cairn;
      return result && result !== 'skipped' && 'cpuMs' in result ? result.cpuMs : 0;
    }),
  );
  lines.push(
    '',
    `Cairn's renderer, slowest input: ${worst.toFixed(1)} ms CPU (target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? '✅' : '❌ miss'}).`,
  );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(
    'Milliseconds of CPU time (wall time in brackets); marked and micromark: wall time of one render.\n',
  );
  console.log(markdownTable(await benchMarkdown((message) => console.error(message))));
}

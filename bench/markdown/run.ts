/**
 * `npm run bench:markdown` (also the last part of `npm run bench`): Cairn's Markdown renderer against
 * markdown-it alone, marked 18 (what rendered before, unbounded) and micromark with GFM, on the hostile
 * inputs of bench/markdown/inputs.ts and on plain release notes, at 100 and 200 kB. Each figure is the
 * median of 3 renders (1 when a render takes over a second), as CPU time of this process (the machine is
 * shared: wall time is printed beside it). Target: every input renders in ≤ 100 ms with Cairn's renderer.
 */
import { fileURLToPath } from 'node:url';
import MarkdownIt from 'markdown-it';
import { Marked } from 'marked';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { renderMarkdown } from '../../src/presenters/markdown/render-markdown.ts';
import { hostileInputs, type MarkdownInput, plainInput } from './inputs.ts';

const SIZES = [100_000, 200_000] as const;
const RUNS = 3;
const SLOW_MS = 1_000;
export const TARGET_MS = 100;

const marked = new Marked({ async: false, gfm: true });
const markdownIt = new MarkdownIt({ html: false, linkify: true });

const RENDERERS: Record<string, (source: string) => string> = {
  cairn: renderMarkdown,
  'markdown-it': (source) => markdownIt.render(source),
  'marked 18': (source) => marked.parse(source, { async: false }),
  'micromark+gfm': (source) => micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] }),
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
    if (error || runs[0]!.cpuMs > SLOW_MS) break;
  }
  runs.sort((a, b) => a.cpuMs - b.cpuMs);
  return runs[Math.floor(runs.length / 2)]!;
}

export interface MarkdownRow {
  input: string;
  size: number;
  chars: number;
  results: Record<string, Measure | 'skipped'>;
}

export function benchMarkdown(log: (message: string) => void = () => {}): MarkdownRow[] {
  const rows: MarkdownRow[] = [];
  const slowAtSmallerSize = new Set<string>();
  for (const size of SIZES) {
    for (const input of [plainInput(size), ...hostileInputs(size)] as MarkdownInput[]) {
      const results: MarkdownRow['results'] = {};
      for (const [name, render] of Object.entries(RENDERERS)) {
        // A renderer already past a second at 100 kB is not run at 200 kB: the bench would take minutes.
        const key = `${name}|${input.name}`;
        if (slowAtSmallerSize.has(key)) {
          results[name] = 'skipped';
          continue;
        }
        const result = measure(render, input.source);
        if (result.cpuMs > SLOW_MS) slowAtSmallerSize.add(key);
        results[name] = result;
      }
      rows.push({ input: input.name, size, chars: input.source.length, results });
      log(`markdown ${size / 1000} kB: ${input.name}`);
    }
  }
  return rows;
}

function cell(result: Measure | 'skipped' | undefined): string {
  if (result === undefined) return '';
  if (result === 'skipped') return 'not run (> 1 s at 100 kB)';
  const figure = `${result.cpuMs.toFixed(1)} (${result.wallMs.toFixed(0)})`;
  return result.error ? `${figure} ✗ ${result.error}` : figure;
}

export function markdownTable(rows: readonly MarkdownRow[]): string {
  const names = Object.keys(RENDERERS);
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
      return result && result !== 'skipped' ? result.cpuMs : 0;
    }),
  );
  lines.push(
    '',
    `Cairn's renderer, slowest input: ${worst.toFixed(1)} ms CPU (target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? '✅' : '❌ miss'}).`,
  );
  return lines.join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log('Milliseconds of CPU time (wall time in brackets), median of up to 3 renders.\n');
  console.log(markdownTable(benchMarkdown((message) => console.error(message))));
}

/**
 * The renderers that can take seconds or overflow the stack on hostile input (marked 18, micromark),
 * run in a worker thread so the benchmark can stop one past its time cap. A worker is told a renderer, a
 * size and an input's index (it builds the input itself) and answers with the wall time of one render.
 */
import { parentPort, Worker, workerData } from 'node:worker_threads';
import { Marked } from 'marked';
import { micromark } from 'micromark';
import { gfm, gfmHtml } from 'micromark-extension-gfm';
import { hostileInputs, plainInput } from './inputs.ts';

export const SLOW_RENDERERS = ['marked 18', 'micromark+gfm'] as const;
export type SlowRenderer = (typeof SLOW_RENDERERS)[number];

interface Job {
  renderer: SlowRenderer;
  size: number;
  /** 0: the plain input; 1 and up: hostileInputs(size)[index - 1]. */
  index: number;
}

export type SlowResult = { wallMs: number; error?: string } | { stoppedAfterMs: number };

function render(renderer: SlowRenderer, source: string): string {
  if (renderer === 'marked 18')
    return new Marked({ async: false, gfm: true }).parse(source, { async: false });
  return micromark(source, { extensions: [gfm()], htmlExtensions: [gfmHtml()] });
}

/** One render of one input in a worker, stopped (terminated) after `capMs` of wall time. */
export function renderInWorker(job: Job, capMs: number): Promise<SlowResult> {
  return new Promise((resolve, reject) => {
    // The worker imports this TypeScript file through tsx (a .ts file cannot be a worker's entry point).
    const entry = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(import.meta.url)}); });`;
    const worker = new Worker(entry, { eval: true, workerData: job, execArgv: [] });
    const timer = setTimeout(() => {
      void worker.terminate();
      resolve({ stoppedAfterMs: capMs });
    }, capMs);
    worker.once('message', (result: SlowResult) => {
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    });
    worker.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

if (parentPort && workerData) {
  const job = workerData as Job;
  const input = job.index === 0 ? plainInput(job.size) : hostileInputs(job.size)[job.index - 1];
  if (!input) throw new Error(`no input ${job.index}`);
  const start = performance.now();
  let error: string | undefined;
  try {
    render(job.renderer, input.source);
  } catch (caught) {
    error = caught instanceof RangeError ? 'stack overflow' : String(caught);
  }
  parentPort.postMessage({ wallMs: performance.now() - start, ...(error && { error }) });
}

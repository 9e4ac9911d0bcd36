/**
 * Throughput of one GET with 16 concurrent keep-alive connections, from a small in-process load generator,
 * against Cairn and against a bare node:http server answering the same JSON, in the same run.
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

export interface LoadResult {
  requests: number;
  errors: number;
  seconds: number;
  requestsPerSecond: number;
}

/** Keeps `connections` requests in flight for `durationMs`, one per keep-alive socket. */
export async function runLoad(options: {
  url: string;
  headers?: Record<string, string>;
  connections: number;
  durationMs: number;
}): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  let requests = 0;
  let errors = 0;
  const once = () =>
    new Promise<void>((resolve) => {
      const req = http.request(
        {
          agent,
          host: target.hostname,
          port: target.port,
          path: `${target.pathname}${target.search}`,
          headers: options.headers,
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            if (res.statusCode === 200) requests += 1;
            else errors += 1;
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end();
    });
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    while (performance.now() < deadline) await once();
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  return { requests, errors, seconds, requestsPerSecond: Math.round(requests / seconds) };
}

export interface BaselineServer {
  url: string;
  stop(): void;
}

/** Starts bench/baseline-server.ts in its own process, like the Cairn server it is compared with. */
export async function startBaselineServer(body: string): Promise<BaselineServer> {
  const script = fileURLToPath(new URL('./baseline-server.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: { ...process.env, BASELINE_BODY: body },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`baseline server exited with ${code}`)));
    child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
  });
  return { url: `http://127.0.0.1:${port}`, stop: () => child.kill('SIGTERM') };
}

export interface ThroughputResult {
  connections: number;
  /** The run with the median ratio: Cairn's load and the bare server's right after it. */
  cairn: LoadResult;
  baseline: LoadResult;
  /** Cairn's requests per second over the bare server's: the median of `ratios`. */
  ratio: number;
  /** Each run's ratio, in the order run (Cairn then the bare server, back to back, `runs` times). */
  ratios: number[];
  /** Resident memory of the Cairn server process, sampled during its load. */
  cairnRssMb: { max: number; samples: number };
}

/**
 * Loads `path` on the Cairn server (pid `cairnPid`) and then the same JSON on the bare server, back to back,
 * `runs` times after a 1 s warm-up of each; the ratio is the median of the runs' ratios, so a burst of other
 * work on the machine moves one run, not the figure. Cairn's RSS is sampled every 100 ms under load.
 */
export async function measureThroughput(options: {
  cairnUrl: string;
  cairnPid: number;
  path: string;
  token: string;
  connections: number;
  durationMs: number;
  runs: number;
  readRssMb: (pid: number) => number;
}): Promise<ThroughputResult> {
  const headers = { authorization: `Bearer ${options.token}` };
  const url = `${options.cairnUrl}/api/v1${options.path}`;
  const body = await new Promise<string>((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          res.statusCode === 200 ? resolve(text) : reject(new Error(`${url}: ${res.statusCode} ${text}`)),
        );
      })
      .on('error', reject);
  });
  const load = (target: string, durationMs: number) =>
    runLoad({ url: target, headers, connections: options.connections, durationMs });

  const baselineServer = await startBaselineServer(body);
  try {
    const baselineUrl = `${baselineServer.url}/api/v1${options.path}`;
    await load(url, 1_000);
    await load(baselineUrl, 1_000);
    let maxRss = 0;
    let samples = 0;
    const runs: { cairn: LoadResult; baseline: LoadResult; ratio: number }[] = [];
    for (let run = 0; run < options.runs; run++) {
      const sampler = setInterval(() => {
        maxRss = Math.max(maxRss, options.readRssMb(options.cairnPid));
        samples += 1;
      }, 100);
      const cairn = await load(url, options.durationMs).finally(() => clearInterval(sampler));
      const baseline = await load(baselineUrl, options.durationMs);
      const ratio = Math.round((cairn.requestsPerSecond / baseline.requestsPerSecond) * 1000) / 1000;
      runs.push({ cairn, baseline, ratio });
    }
    const median = [...runs].sort((a, b) => a.ratio - b.ratio)[Math.floor(runs.length / 2)]!;
    return {
      connections: options.connections,
      cairn: median.cairn,
      baseline: median.baseline,
      ratio: median.ratio,
      ratios: runs.map((r) => r.ratio),
      cairnRssMb: { max: Math.round(maxRss * 10) / 10, samples },
    };
  } finally {
    baselineServer.stop();
  }
}

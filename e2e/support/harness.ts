/**
 * End-to-end harness: a real Cairn server (the built bundle in its own process, on a free port, over a fresh
 * SQLite file or PostgreSQL database) and Debian's Chromium driven by playwright-core. Never a downloaded
 * browser.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe } from 'node:test';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ci = process.env.CI === 'true' || process.env.CI === '1';

/**
 * A browser suite. Without Chromium it is reported as skipped with the reason, except in CI, where the
 * browser is required and its absence fails the run.
 */
export function browserSuite(name: string, fn: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, { timeout: 120_000 }, fn);
    return;
  }
  if (ci) throw new Error(`${name}: Chromium is required in CI and is missing at ${CHROMIUM}`);
  describe(name, { skip: `Chromium not found at ${CHROMIUM} (apt-get install chromium)` }, fn);
}

/** scripts/run-tests.js builds once before the test processes start and says so in CAIRN_TEST_BUILT. */
let built = process.env.CAIRN_TEST_BUILT === '1';
/** Builds the server bundle, and the web app if its sources changed (skipped when dist/web is current). */
function ensureBuilt(): void {
  if (built) return;
  execFileSync(process.execPath, ['scripts/build.js'], { stdio: 'inherit' });
  built = true;
}

export interface Cairn {
  url: string;
  /** The server's SQLite file (unset on PostgreSQL), for a script that loads data into it directly. */
  sqliteFile: string | undefined;
  close(): Promise<void>;
}

const ROOT = join(import.meta.dirname, '..', '..');
const LISTENING = /Cairn \S+ listening on (http:\/\/\S+) \(database: [^)]+\)/;
/** What `cairn serve` reads besides its flags: none of the caller's may redirect or reshape a test's server. */
const SERVER_SETTINGS =
  /^(DATABASE_URL|PORT|CAIRN_(?!SCRYPT_COST$|SQLITE_SYNCHRONOUS$).*|NODE_TEST_CONTEXT)$/;

/**
 * Starts Cairn on a free port over a fresh SQLite file (or the PostgreSQL database given): the built bundle
 * (dist/cairn.js, what `npm start` runs) in its own process. Loading the server's hundreds of modules
 * through the TypeScript loader in every browser test process cost seconds each; the bundle starts in a
 * fraction of that.
 */
export async function startCairn(options: { databaseUrl?: string } = {}): Promise<Cairn> {
  ensureBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), 'cairn-e2e-'));
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !SERVER_SETTINGS.test(name)));
  const args = ['--host', '127.0.0.1', '--port', '0', '--data', dataDir];
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  const child = spawn(
    process.execPath,
    [
      '--import',
      join(ROOT, 'e2e/support/exit-with-parent.js'),
      join(ROOT, 'dist/cairn.js'),
      'serve',
      ...args,
    ],
    { cwd: dataDir, env, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`Cairn did not start within 30 s:\n${output}`));
    }, 30_000);
    const onData = () => {
      const match = LISTENING.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout.off('data', onData);
      resolve(match[1]);
    };
    child.stdout.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`Cairn exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    sqliteFile: options.databaseUrl ? undefined : join(dataDir, 'cairn.db'),
    close: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 10_000, 'timeout').unref());
        if ((await Promise.race([exited, timeout])) === 'timeout') {
          child.kill('SIGKILL');
          throw new Error(`Cairn did not stop within 10 s of SIGTERM:\n${output}`);
        }
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export const OWNER = { name: 'Olive Owner', email: 'olive@example.com', password: 'correct horse battery' };

/** An API client for seeding data quickly (a bearer token; no cookies). */
export interface SeedApi {
  token: string;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

export function seedApi(url: string, token: string): SeedApi {
  return {
    token,
    async call<T>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await fetch(`${url}/api/v1${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
  };
}

/** Creates the owner through the API and returns a seeding client with the owner's token. */
export async function setupOwner(url: string): Promise<SeedApi> {
  const response = await fetch(`${url}/api/v1/setup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(OWNER),
  });
  if (!response.ok) throw new Error(`setup → ${response.status}: ${await response.text()}`);
  const { token } = (await response.json()) as { token: string };
  return seedApi(url, token);
}

/** A browser context signed in as the given user (the session cookie set through the login API). */
export async function signedInContext(
  browser: Browser,
  url: string,
  credentials: { email: string; password: string } = OWNER,
  /**
   * E.g. the browser's time zone, for tests of what it shows in local days; no JavaScript, for what the
   * server's page shows before the app runs.
   */
  options: { timezoneId?: string; javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: url,
    viewport: { width: 1400, height: 900 },
    ...options,
  });
  const response = await context.request.post('/api/v1/auth/login', {
    data: { email: credentials.email, password: credentials.password },
    headers: { origin: url },
  });
  if (!response.ok()) throw new Error(`login → ${response.status()}: ${await response.text()}`);
  return context;
}

/** A product with a few themes, initiatives and items, made through the API. */
export async function seedProduct(api: SeedApi, key = 'CHK', name = 'Checkout') {
  const product = await api.call<{ id: string; key: string }>('POST', '/products', { key, name });
  return product;
}

/** Collects uncaught page errors and console errors, so a test can assert there were none. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

const AXE_SOURCE = readFileSync(join(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * Runs axe-core in the page; returns the serious and critical violations. `scope` (a CSS selector) checks
 * only that part of the page, e.g. a banner while it shows; `rules` only those rules (e.g. color-contrast).
 * `strict` counts what axe could not decide as a violation too: it files text in the very colour of its
 * background (white on white, a 1:1 ratio) under "needs review", not under violations.
 */
export async function seriousA11yViolations(
  page: Page,
  options: { scope?: string; rules?: string[]; strict?: boolean } = {},
): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // Runs in the page (no DOM types here): axe.run() over the whole document or the scope.
  const violations = await page.evaluate(async ({ scope, rules, strict }) => {
    const { axe, document } = globalThis as unknown as {
      axe: {
        run: (
          context: unknown,
          options?: unknown,
        ) => Promise<{ violations: AxeViolation[]; incomplete: AxeViolation[] }>;
      };
      document: { querySelector: (selector: string) => unknown };
    };
    const context = scope ? document.querySelector(scope) : document;
    if (!context) throw new Error(`axe: nothing matches ${scope}`);
    const result = await axe.run(context, rules ? { runOnly: { type: 'rule', values: rules } } : {});
    return [...result.violations, ...(strict ? result.incomplete : [])].map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, options);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Retries an assertion until it passes or `timeoutMs` has gone, then fails with its last error: the
 * browser saves in the background, so what the API holds catches up a moment after the screen.
 */
export async function eventually(check: () => Promise<void>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

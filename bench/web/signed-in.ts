/** Signed-in browser contexts for the web benchmarks (run.ts, trace-first-load.ts). */
import type { Browser, BrowserContext } from 'playwright-core';
import { OWNER } from './seed.ts';

/** The signed-in cookie of each server: logging in for every context would hit the login rate limit. */
const signedIn = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/** A fresh context (nothing cached) with the bench owner's session on the server at `url`. */
export async function loggedIn(browser: Browser, url: string): Promise<BrowserContext> {
  const options = { baseURL: url, viewport: { width: 1440, height: 900 } };
  const state = signedIn.get(url);
  if (state) return browser.newContext({ ...options, storageState: state });
  const context = await browser.newContext(options);
  const response = await context.request.post('/api/v1/auth/login', {
    data: OWNER,
    headers: { origin: url },
  });
  if (!response.ok()) throw new Error(`login failed: ${response.status()}`);
  signedIn.set(url, await context.storageState());
  return context;
}

/**
 * The inline script at the top of index.html (inlined at build time by vite.config.ts; the server allows
 * it by its hash in the CSP, see web-app.ts). It sends the reads the address needs at once, while the
 * app's code downloads and starts, and leaves the pending answers on `window.__cairnBoot` for the app's
 * client to take (api/boot-answers.ts). It sends only what the app would send itself, with the cookie the
 * browser sends anyway; a visitor who is not signed in just gets 401s, as the app would.
 */

import { productKeyInPath } from '../addresses.ts';
import type { BootAnswers } from '../api/boot-answers.ts';
import { firstReads, planningReads, screenOf } from './first-reads.ts';
import { knownProductId } from './product-ids.ts';

/** Each lazy screen's files (its chunk, the chunks and CSS it imports), written in by vite.config.ts. */
declare const BOOT_SCREEN_FILES: Record<string, string[]>;

const API = '/api/v1';
const boot: BootAnswers = { sentAt: Date.now(), answers: new Map() };

function read(path: string): Promise<Response> {
  const answer = fetch(API + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  answer.catch(() => undefined); // the app's request for it reports a failure
  boot.answers.set(path, answer);
  return answer;
}

const pathname = window.location.pathname;
const productKey = productKeyInPath(pathname);
// A product opened here before has its id remembered: its planning reads go out now, with the rest.
const knownId = productKey ? knownProductId(productKey) : null;
for (const path of firstReads(pathname, knownId)) read(path);
// Otherwise they need the id from /products: asked for as soon as it is in, not after the backlog.
const products = boot.answers.get('/products');
if (productKey && !knownId && products) {
  products
    .then((response) => (response.ok ? response.clone().json() : null))
    .then((body: { products?: { id: string; key: string }[] } | null) => {
      const product = body?.products?.find((p) => p.key === productKey);
      if (product) for (const path of planningReads(product.id)) read(path);
    })
    .catch(() => undefined);
}
(window as { __cairnBoot?: BootAnswers }).__cairnBoot = boot;

// The address's lazy screen, fetched with the app's code rather than once the app has rendered. Preloads
// as Vite's own tags are (crossorigin), so the import that follows finds them in the cache.
const screen = screenOf(pathname);
for (const href of screen ? (BOOT_SCREEN_FILES[screen] ?? []) : []) {
  const link = document.createElement('link');
  if (href.endsWith('.css')) {
    link.rel = 'preload';
    link.as = 'style';
  } else {
    link.rel = 'modulepreload';
  }
  link.crossOrigin = '';
  link.href = href;
  document.head.append(link);
}

/**
 * The shared customer roadmap as one complete HTML page: no script, one small inline stylesheet (allowed
 * by its hash in the page's own Content-Security-Policy) with a print stylesheet. It is made from a
 * CustomerView only, whose schema has no internal field: the page cannot show what the view does not hold.
 */
import { createHash } from 'node:crypto';
import type { CustomerView } from '../../schemas/audience.ts';
import { escapeHtml } from '../markdown/escape-html.ts';
import { renderMarkdown } from '../markdown/render-markdown.ts';
import { HORIZON_LABELS } from './model.ts';

const CSS = `*{box-sizing:border-box}
body{font:16px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff;margin:0;padding:2rem 1rem}
header,main,footer{max-width:60rem;margin:0 auto}
h1{font-size:1.8rem;margin:0 0 .25rem}
.lede{color:#59636e;margin:0 0 2rem}
.lanes{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1.25rem}
h2{font-size:1.2rem;margin:0 0 .75rem;border-bottom:2px solid #d0d7de;padding-bottom:.25rem}
ul{list-style:none;margin:0;padding:0}
.card{border:1px solid #d0d7de;border-radius:8px;padding:.75rem 1rem;margin:0 0 .75rem;break-inside:avoid}
.card h3{font-size:1rem;margin:0 0 .25rem}
.card p{margin:.25rem 0}
.tag{display:inline-block;font-size:.75rem;font-weight:600;border-radius:999px;padding:0 .5rem;margin-left:.35rem;vertical-align:middle}
.exploring{background:#fff8c5;color:#4d2d00;border:1px dashed #9a6700}
.delivered{background:#dafbe1;color:#044f1e}
.changes{margin-top:2.5rem}
.changes li{padding:.35rem 0;border-bottom:1px solid #eaeef2}
.empty{color:#59636e}
footer{color:#59636e;font-size:.85rem;margin-top:3rem}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}.card{border-color:#30363d}h2{border-color:#30363d}.lede,footer,.empty{color:#9198a1}}
@media print{body{background:#fff;color:#000;padding:0;font-size:11pt}.lanes{display:block}section{break-inside:auto}.card{border:1px solid #000;break-inside:avoid;page-break-inside:avoid}.tag{border:1px solid #000;background:none;color:#000}.lede,footer,.empty{color:#000}a{color:#000}}
`;

const CSS_HASH = createHash('sha256').update(CSS).digest('base64');

/** The page's Content-Security-Policy: nothing but its own inline stylesheet. */
export const SHARE_PAGE_CSP = `default-src 'none'; style-src 'sha256-${CSS_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;

function page(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><meta name="referrer" content="no-referrer"><title>${escapeHtml(title)}</title><style>${CSS}</style></head>`,
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n');
}

const STAGE_TAGS = {
  exploring: '<span class="tag exploring">Exploring</span>',
  planned: '',
  delivered: '<span class="tag delivered">Delivered</span>',
} as const;

function lane(view: CustomerView, horizon: keyof typeof HORIZON_LABELS): string {
  const cards = view.initiatives
    .filter((i) => i.horizon === horizon)
    .map((i) => {
      const summary = i.summary.trim() ? renderMarkdown(i.summary) : '';
      return `<li class="card"><h3>${escapeHtml(i.title)}${STAGE_TAGS[i.stage]}</h3>${summary}</li>`;
    });
  const list = cards.length ? `<ul>${cards.join('')}</ul>` : '<p class="empty">Nothing here yet.</p>';
  return `<section aria-labelledby="lane-${horizon}"><h2 id="lane-${horizon}">${HORIZON_LABELS[horizon]}</h2>${list}</section>`;
}

/** The shared roadmap page of a customer view. */
export function sharePageHtml(view: CustomerView): string {
  const title = `${view.product.name} roadmap`;
  const changes = view.changelog.length
    ? `<section class="changes" aria-labelledby="changes"><h2 id="changes">Recent changes</h2><ul>${view.changelog
        .map((c) => `<li>${escapeHtml(c.text)}</li>`)
        .join('')}</ul></section>`
    : '';
  return page(
    title,
    `<header><h1>${escapeHtml(title)}</h1><p class="lede">What we are working on now, next and later. Plans can change; items marked “Exploring” are ideas, not promises.</p></header>` +
      `<main><div class="lanes">${lane(view, 'now')}${lane(view, 'next')}${lane(view, 'later')}</div>${changes}</main>` +
      '<footer>A read-only roadmap shared by its team.</footer>',
  );
}

/** The answer to a link that is unknown, revoked or expired. */
export function shareNotFoundHtml(): string {
  return page(
    'Roadmap not found',
    '<main><h1>This roadmap link does not work</h1><p class="lede">It may have expired or been withdrawn. Ask whoever shared it for a new one.</p></main>',
  );
}

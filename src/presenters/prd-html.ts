/**
 * A PRD as a printable HTML page (GET /prds/{id}/export.html). Every section the author wrote goes
 * through the one sanitising Markdown renderer; everything else is escaped. The page carries its print
 * stylesheet inline, allowed by hash in the page's own Content-Security-Policy (which allows no script).
 */
import { createHash } from 'node:crypto';
import { DECISION_LABELS, PRD_STATUS_LABELS } from '../domain/prd-rules.ts';
import { escapeHtml } from './markdown/escape-html.ts';
import { renderMarkdown } from './markdown/render-markdown.ts';
import { oneLine, type PrdExport } from './prd-markdown.ts';

const STYLE = `body{font:15px/1.5 system-ui,sans-serif;color:#1f2328;margin:0;padding:2rem 1rem}
main{max-width:46rem;margin:0 auto}
h1{font-size:1.8rem;margin:0 0 .5rem}
h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem;margin:0}
dl.meta dt{font-weight:600}
dl.meta dd{margin:0}
table{border-collapse:collapse;width:100%}
th,td{border:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
.none{color:#59636e;font-style:italic}
.items{color:#59636e;font-size:.9rem;margin:.2rem 0 .6rem}
@page{margin:18mm}
@media print{body{padding:0;font-size:11pt}h2{break-after:avoid}tr,li{break-inside:avoid}a{color:inherit}}`;

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

/** The page's own policy: its one stylesheet, images of this origin, no script, no framing. */
export const PRD_PAGE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

const NONE = '<p class="none">None yet.</p>';

function section(title: string, markdown: string): string {
  const html = markdown.trim() === '' ? NONE : renderMarkdown(markdown);
  return `<section><h2>${escapeHtml(title)}</h2>${html}</section>`;
}

const figure = (value: string | null) => escapeHtml(value ?? '—');

export function prdHtmlPage({ prd, initiativeTitle }: PrdExport): string {
  const items = new Map(prd.linkedItems.map((item) => [item.id, item]));
  const meta = [`<dt>Status</dt><dd>${escapeHtml(PRD_STATUS_LABELS[prd.status])}</dd>`];
  if (initiativeTitle !== null)
    meta.push(`<dt>Initiative</dt><dd>${escapeHtml(oneLine(initiativeTitle))}</dd>`);
  meta.push(`<dt>Updated</dt><dd>${escapeHtml(prd.updatedAt.slice(0, 10))} (version ${prd.version})</dd>`);
  const reviewers = prd.reviewers.length
    ? prd.reviewers
        .map((r) => {
          const when = r.decidedAt ? `, ${r.decidedAt.slice(0, 10)}` : '';
          return `${escapeHtml(oneLine(r.name) || r.userId)}: ${escapeHtml(DECISION_LABELS[r.decision] + when)}`;
        })
        .join('<br>')
    : 'None';
  meta.push(`<dt>Reviewers</dt><dd>${reviewers}</dd>`);

  const metrics = prd.successMetrics.length
    ? `<table><thead><tr><th scope="col">Metric</th><th scope="col">Baseline</th><th scope="col">Target</th><th scope="col">Measured</th></tr></thead><tbody>${prd.successMetrics
        .map(
          (m) =>
            `<tr><td>${escapeHtml(m.name)}</td><td>${figure(m.baseline)}</td><td>${figure(m.target)}</td><td>${figure(m.measured)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : NONE;

  const requirements = prd.requirements.length
    ? `<ol>${prd.requirements
        .map((requirement) => {
          const linked = requirement.itemIds.flatMap((id) => {
            const item = items.get(id);
            if (!item) return [];
            const trashed = item.trashed ? ' (in the trash)' : '';
            return [`${escapeHtml(item.key)} ${escapeHtml(oneLine(item.title))}${trashed}`];
          });
          return `<li>${renderMarkdown(requirement.text)}<p class="items">Backlog: ${linked.length ? linked.join('; ') : 'no item yet'}</p></li>`;
        })
        .join('')}</ol>`
    : NONE;

  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escapeHtml(oneLine(prd.title))}</title><style>${STYLE}</style></head>`,
    `<body><main><h1>${escapeHtml(oneLine(prd.title))}</h1><dl class="meta">${meta.join('')}</dl>`,
    section('Problem', prd.problem),
    `<section><h2>Success metrics</h2>${metrics}</section>`,
    `<section><h2>Requirements</h2>${requirements}</section>`,
    section('Technical considerations', prd.technicalConsiderations),
    section('Open questions', prd.openQuestions),
    '</main></body>',
    '</html>',
    '',
  ].join('\n');
}

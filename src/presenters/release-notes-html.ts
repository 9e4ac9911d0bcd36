/**
 * Release notes as HTML, for anonymous readers of a public feed: the shared Markdown renderer (raw HTML
 * shown as text, only http(s) and mailto links, hostile text degraded to plain paragraphs). Also the small
 * standalone page the feed links to.
 */
import { escapeHtml } from './markdown/escape-html.ts';
import { renderMarkdown } from './markdown/render-markdown.ts';

export { escapeHtml };

/** The notes' Markdown as an HTML fragment safe to show to anyone. */
export function renderNotesHtml(source: string): string {
  return renderMarkdown(source);
}

/** A complete HTML page of one release's notes (the CSP of every response already forbids scripts). */
export function releaseNotesPage(page: {
  title: string;
  notesHtml: string;
  publishedAt: string | null;
  feedUrl?: string | undefined;
  stylesheetUrl?: string | undefined;
}): string {
  const head = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(page.title)}</title>`,
  ];
  if (page.feedUrl) {
    head.push(
      `<link rel="alternate" type="application/atom+xml" title="${escapeHtml(page.title)}" href="${escapeHtml(page.feedUrl)}">`,
    );
  }
  if (page.stylesheetUrl) head.push(`<link rel="stylesheet" href="${escapeHtml(page.stylesheetUrl)}">`);
  const footer = page.publishedAt
    ? `<footer><p>Published <time datetime="${escapeHtml(page.publishedAt)}">${escapeHtml(page.publishedAt.slice(0, 10))}</time></p></footer>`
    : '';
  return [
    '<!doctype html>',
    '<html lang="en">',
    `<head>${head.join('')}</head>`,
    `<body><main>${page.notesHtml}</main>${footer}</body>`,
    '</html>',
    '',
  ].join('\n');
}

/** The page's stylesheet: served from the same origin, as the CSP allows no inline styles. */
export const RELEASE_NOTES_CSS = `body{font:16px/1.55 system-ui,sans-serif;color:#1f2328;margin:0;padding:2rem 1rem}
main,footer{max-width:42rem;margin:0 auto}
h1{font-size:1.9rem;margin:0 0 .25rem}
h2{font-size:1.35rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.25rem}
h3{font-size:1.05rem;margin-top:1.25rem}
li{margin:.25rem 0}
footer{color:#59636e;font-size:.875rem;margin-top:3rem}
@media (prefers-color-scheme:dark){body{background:#0d1117;color:#e6edf3}h2{border-color:#30363d}footer{color:#9198a1}}
`;

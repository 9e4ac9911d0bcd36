/**
 * Published release notes as HTML, rendered once per publication: the feed and the notes pages are open to
 * anyone, and every read would otherwise render every release's Markdown again. Kept in a bounded
 * least-recently-used cache keyed by release and publication time (which changes on every publish); an
 * entry is used only if its Markdown is the text asked for, so a stale or foreign entry can never be served.
 */
import { renderMarkdown } from './markdown/render-markdown.ts';

/** At most this many releases' notes are kept… */
export const CACHED_NOTES = 300;
/** …and at most this many characters of Markdown and HTML together (about 32 MB as UTF-16). */
export const CACHED_NOTES_CHARS = 16_000_000;

interface Entry {
  markdown: string;
  html: string;
}

// A Map iterates in insertion order: re-inserting on every hit keeps the least recently used first.
const entries = new Map<string, Entry>();
let cachedChars = 0;
let renders = 0;

function forget(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  entries.delete(key);
  cachedChars -= entry.markdown.length + entry.html.length;
}

/** The HTML of one release's published notes, rendered at most once per publication while kept. */
export function publishedNotesHtml(notes: { id: string; publishedAt: string; markdown: string }): string {
  const key = `${notes.id}@${notes.publishedAt}`;
  const kept = entries.get(key);
  if (kept && kept.markdown === notes.markdown) {
    entries.delete(key);
    entries.set(key, kept);
    return kept.html;
  }
  forget(key);
  const html = renderMarkdown(notes.markdown);
  renders += 1;
  const size = notes.markdown.length + html.length;
  if (size > CACHED_NOTES_CHARS) return html;
  // Each pass removes one entry, and there are at most CACHED_NOTES of them.
  for (
    let i = 0;
    i <= CACHED_NOTES && (entries.size >= CACHED_NOTES || cachedChars + size > CACHED_NOTES_CHARS);
    i++
  ) {
    const oldest = entries.keys().next();
    if (oldest.done) break;
    forget(oldest.value);
  }
  entries.set(key, { markdown: notes.markdown, html });
  cachedChars += size;
  return html;
}

/** How many renders the cache has done since the process started (for tests of what it saves). */
export function publishedNotesRenders(): number {
  return renders;
}

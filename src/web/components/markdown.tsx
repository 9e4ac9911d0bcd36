/**
 * Markdown shown in the app: the same renderer as the published release notes (presenters/markdown), so a
 * preview is exactly what readers will see. Its HTML needs no second sanitiser: raw HTML is escaped and
 * only http(s) and mailto links are kept. Links open in a new tab without an opener; text too long or too
 * deeply nested to format shows as plain paragraphs (with a hint where the author can fix it), never as a
 * blank screen.
 */
import { type MouseEvent, useMemo } from 'react';
import { plainTextHtml, renderMarkdownDetailed } from '../../presenters/markdown/render-markdown.ts';

const PLAIN_TEXT_HINTS = {
  too_long: 'too long',
  too_deep: 'nested too deeply',
  too_many_delimiters: 'too many Markdown marks',
  failed: 'not readable as Markdown',
} as const;

function safeRender(source: string) {
  try {
    return renderMarkdownDetailed(source);
  } catch {
    // renderMarkdownDetailed already falls back; this guards the screen against anything unforeseen.
    return { html: plainTextHtml(source), plainText: 'failed' as const };
  }
}

/** A click on a rendered link opens it in a new tab, without giving that tab a handle on this one. */
function openLinksInNewTab(event: MouseEvent<HTMLDivElement>): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
    return;
  const anchor = (event.target as Element).closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement) || !event.currentTarget.contains(anchor)) return;
  event.preventDefault();
  window.open(anchor.href, '_blank', 'noopener,noreferrer');
}

export function Markdown({
  source,
  className,
  showPlainTextHint = false,
}: {
  source: string;
  className?: string;
  /** Say when the text is shown unformatted, and why (for its author, in an editor's preview). */
  showPlainTextHint?: boolean;
}) {
  const rendered = useMemo(() => safeRender(source), [source]);
  return (
    <>
      {showPlainTextHint && rendered.plainText && (
        <p className="hint" role="note">
          Shown as plain text: {PLAIN_TEXT_HINTS[rendered.plainText]}.
        </p>
      )}
      {/* biome-ignore lint/a11y/noStaticElementInteractions lint/a11y/useKeyWithClickEvents: the clicks are on the links inside, which keep their own keyboard behaviour */}
      <div
        className={`markdown ${className ?? ''}`}
        onClick={openLinksInNewTab}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown escapes all text and keeps only safe links
        dangerouslySetInnerHTML={{ __html: rendered.html }}
      />
    </>
  );
}

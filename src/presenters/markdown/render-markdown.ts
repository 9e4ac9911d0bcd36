/**
 * The one Markdown renderer of Cairn, on the server (release notes pages, the Atom feed, notes.html) and in
 * the web app (descriptions, the release-notes preview), so what an author previews is byte for byte what
 * readers get. Pure: text in, HTML out.
 *
 * Safe without a separate sanitiser: markdown-it with `html: false` escapes every character of the text
 * itself (raw HTML is shown as the text it is), and the only attributes it writes are a link's href, an
 * image's src/alt/title and a code block's language class, all escaped. Links keep only http(s) and
 * mailto targets (anything else keeps just its text), images only http(s). The same code then runs in
 * Node and the browser, with no DOM on the server (DOMPurify would need one).
 *
 * Bounded: `plainTextReason` decides from size, nesting depth and delimiter count, before parsing, whether
 * the text is shown as escaped paragraphs instead; markdown-it parses in linear time and stops nesting at
 * `maxNesting` besides.
 */
import MarkdownIt, { type StateCore } from 'markdown-it';
import { escapeHtml } from './escape-html.ts';
import { type PlainTextReason, plainTextReason } from './limits.ts';

const LINK_SCHEMES = /^(https?:|mailto:)/i;
const IMAGE_SCHEMES = /^https?:/i;

/**
 * Links outside the allow-list lose their anchor (the text stays) and such images become their alt text.
 * Runs after inline parsing, on the tokens, so it sees every link however it was written (inline,
 * reference, autolink, linkify).
 */
function keepSafeTargets(state: StateCore): void {
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    let dropping = false;
    block.children = block.children.filter((token) => {
      if (token.type === 'link_open') {
        dropping = !LINK_SCHEMES.test(String(token.attrGet('href') ?? '').trim());
        return !dropping;
      }
      if (token.type === 'link_close' && dropping) {
        dropping = false;
        return false;
      }
      if (token.type === 'image' && !IMAGE_SCHEMES.test(String(token.attrGet('src') ?? '').trim())) {
        token.type = 'text';
        token.tag = '';
        token.attrs = null;
        token.children = null;
      }
      return true;
    });
  }
}

const markdown = new MarkdownIt('default', {
  html: false,
  linkify: true,
  typographer: false,
  breaks: false,
  // A backstop only: limits.ts already turns away text nested anywhere near this deep.
  maxNesting: 50,
});
// Every target is parsed as a link (so an unsafe one still shows its text, not its Markdown source), and
// keepSafeTargets decides what stays a link.
markdown.validateLink = () => true;
markdown.core.ruler.after('inline', 'cairn_safe_targets', keepSafeTargets);

export interface RenderedMarkdown {
  html: string;
  /** Why the text was shown unformatted, or null when it was rendered as Markdown. */
  plainText: PlainTextReason | 'failed' | null;
}

/** Text as escaped paragraphs (split at blank lines, line breaks kept): the fallback that always works. */
export function plainTextHtml(source: string): string {
  const paragraphs = source
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
  return paragraphs
    .map((paragraph) => `<p>${escapeHtml(paragraph).replaceAll('\n', '<br>\n')}</p>\n`)
    .join('');
}

/** Markdown as an HTML fragment safe to show to anyone, with whether it had to be shown as plain text. */
export function renderMarkdownDetailed(source: string): RenderedMarkdown {
  const reason = plainTextReason(source);
  if (reason) return { html: plainTextHtml(source), plainText: reason };
  try {
    return { html: markdown.render(source), plainText: null };
  } catch {
    // Not expected within the limits; a reader still gets the text rather than an error page.
    return { html: plainTextHtml(source), plainText: 'failed' };
  }
}

/** Markdown as an HTML fragment safe to show to anyone. */
export function renderMarkdown(source: string): string {
  return renderMarkdownDetailed(source).html;
}

/**
 * Published release notes outside the API, for feed readers and people without an account: per product an
 * Atom feed, and each release's notes as a small HTML page and as Markdown. Open to anyone only when the
 * product's release notes are public; otherwise to a signed-in caller (session cookie or API token, checked
 * by the API's own `authenticate`) who can see the product, and 404 to everyone else.
 */
import { Feed } from 'feed';
import { type Context, Hono } from 'hono';
import { publishedNotesHtml } from '../../presenters/published-notes-html.ts';
import { escapeHtml, RELEASE_NOTES_CSS, releaseNotesPage } from '../../presenters/release-notes-html.ts';
import type { Actor } from '../../services/context.ts';
import { AppError, notFound } from '../../services/errors.ts';
import {
  getPublishedNotes,
  listPublishedNotes,
  openNotesProduct,
} from '../../services/releases/published-notes.ts';
import type { ProductRow } from '../../store/tables.ts';
import type { AppEnv } from '../env.ts';
import { authenticate } from '../middleware/authenticate.ts';

/**
 * The notes' stylesheet, under each product's feed path like the rest: a route beside the `:productKey`
 * ones (`/feeds/release-notes.css`) would make Hono fall back from its one-regular-expression router to a
 * trie for every request of the server.
 */
const STYLESHEET_FILE = 'release-notes.css';
const RELEASE_FILE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.(html|md)$/;

/**
 * The caller if the request authenticates, null if it does not: `authenticate` itself decides (the same
 * token and session checks as the API); only its "unauthorized" answer is turned into "anonymous".
 */
async function optionalActor(c: Context<AppEnv>): Promise<Actor | null> {
  let actor: Actor | null = null;
  try {
    await authenticate(c, async () => {
      actor = c.get('actor');
    });
  } catch (error) {
    if (error instanceof AppError && error.code === 'unauthorized') return null;
    throw error;
  }
  return actor;
}

async function openProduct(c: Context<AppEnv>): Promise<ProductRow> {
  const product = await openNotesProduct({
    db: c.get('options').db,
    productKey: c.req.param('productKey') ?? '',
    resolveActor: () => optionalActor(c),
  });
  // A private product's notes are personal: never kept by a shared cache.
  c.header('Cache-Control', product.release_notes_public === 1 ? 'no-cache' : 'private, no-store');
  c.header('Vary', 'Authorization, Cookie');
  return product;
}

// Characters XML 1.0 cannot hold.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters being removed.
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/**
 * Text fit for the feed's XML: characters XML 1.0 cannot hold (control characters a name may contain)
 * are dropped, and "]]>" is broken up, as the XML writer only splits the first one of a CDATA section
 * (the Markdown renderer escapes `>` in its HTML already; this keeps it so whatever changes).
 */
function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '').replaceAll(']]>', ']]&gt;');
}

/** Absolute links start at the configured public origin: a Host header is the client's to choose. */
function feedBase(c: Context<AppEnv>, product: ProductRow): string {
  return `${c.get('options').publicOrigin}/feeds/${product.key}`;
}

export const feedRoutes = new Hono<AppEnv>()
  .get(`/:productKey/${STYLESHEET_FILE}`, (c) => {
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(RELEASE_NOTES_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' });
  })
  .get('/:productKey/releases.atom', async (c) => {
    const product = await openProduct(c);
    const base = feedBase(c, product);
    const releases = await listPublishedNotes(c.get('options').db, product.id);
    const newest = releases[0]?.publishedAt ?? product.updated_at;
    const feed = new Feed({
      id: `urn:uuid:${product.id}`,
      title: xmlSafe(`${product.name} release notes`),
      updated: new Date(newest),
      generator: 'Cairn',
      feedLinks: { atom: `${base}/releases.atom` },
      author: { name: xmlSafe(product.name) },
    });
    for (const release of releases) {
      feed.addItem({
        id: `urn:uuid:${release.id}`,
        // Atom titles are written as type="html": escaped, a name shows as the text it is.
        title: xmlSafe(escapeHtml(`${product.name} ${release.name}`)),
        link: `${base}/releases/${release.id}.html`,
        date: new Date(release.publishedAt),
        ...(release.releasedAt && { published: new Date(release.releasedAt) }),
        content: xmlSafe(publishedNotesHtml(release)),
      });
    }
    return c.body(feed.atom1(), 200, { 'Content-Type': 'application/atom+xml; charset=utf-8' });
  })
  .get('/:productKey/releases/:file', async (c) => {
    const match = RELEASE_FILE.exec(c.req.param('file'));
    if (!match?.[1]) throw notFound('release');
    const product = await openProduct(c);
    const release = await getPublishedNotes(c.get('options').db, product.id, match[1]);
    if (match[2] === 'md') {
      return c.body(release.markdown, 200, { 'Content-Type': 'text/markdown; charset=utf-8' });
    }
    const page = releaseNotesPage({
      title: `${product.name} ${release.name}`,
      notesHtml: publishedNotesHtml(release),
      publishedAt: release.publishedAt,
      feedUrl: `${feedBase(c, product)}/releases.atom`,
      stylesheetUrl: `/feeds/${product.key}/${STYLESHEET_FILE}`,
    });
    return c.body(page, 200, { 'Content-Type': 'text/html; charset=utf-8' });
  });

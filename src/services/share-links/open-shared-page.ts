/**
 * The shared page of a link's token, for anyone holding the URL: the customer view of its product as
 * HTML, or null when the token opens nothing (unknown, revoked or expired — told apart by no one). The
 * token is found by its hash through the unique index, never compared in a loop. Rendered pages are kept
 * per (link, the product's newest event): every change to the product moves the event cursor on.
 */
import { presentCustomerView } from '../../presenters/audience/customer.ts';
import { sharePageHtml } from '../../presenters/audience/share-page-html.ts';
import type { Db } from '../../store/database.ts';
import { loadAudienceModel } from '../audience/load-audience-model.ts';
import { lastEventId } from '../events/event-cursor.ts';
import { perDatabase, touch } from '../intelligence/per-database.ts';
import { tokenHash } from './share-links.ts';

/** Pages kept per database; the least recently used goes first. */
const MAX_PAGES = 64;

const pages = perDatabase(() => new Map<string, string>());

/** The page for `token` at `now`, or null. */
export async function openSharedPage(db: Db, token: string, now: string): Promise<string | null> {
  const link = await db
    .selectFrom('share_links')
    .select(['id', 'product_id', 'view', 'expires_at', 'deleted_at'])
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!link || link.deleted_at !== null || (link.expires_at !== null && link.expires_at <= now)) return null;
  const cursor = await lastEventId(db, link.product_id);
  const key = `${link.id}:${cursor}`;
  const cache = pages.of(db);
  const held = cache.get(key);
  if (held !== undefined) {
    touch(cache, key, held, MAX_PAGES);
    return held;
  }
  const product = await db
    .selectFrom('products')
    .selectAll()
    .where('id', '=', link.product_id)
    .executeTakeFirstOrThrow();
  const model = await loadAudienceModel(db, product, 'customer', null);
  const html = sharePageHtml(presentCustomerView(model));
  touch(cache, key, html, MAX_PAGES);
  return html;
}

/**
 * A user's notifications: the list (newest first, by page), the unread count, and marking them read.
 * Only notifications of products the user can still see are shown or counted.
 */
import type { MarkReadInput, Notification, NotificationList } from '../../schemas/comment.ts';
import { COMMENT_LIMITS } from '../../schemas/comment-limits.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { NotificationRow } from '../../store/tables-comments.ts';
import type { Actor, ServiceContext } from '../context.ts';
import { timestamp } from '../context.ts';
import { can } from '../policy.ts';
import { namesOf } from './present-comment.ts';

/** Characters of a comment shown in its notification. */
const EXCERPT_CHARS = 200;
/** Ids per `in (…)` list. */
const IDS_PER_QUERY = 500;

/** The actor's notifications, of products they can see. */
function ownNotifications(db: Db, actor: Actor) {
  let query = db.selectFrom('notifications').where('notifications.user_id', '=', actor.id);
  // A token limited to some products reads only their notifications ('' keeps the list non-empty: `in ()`
  // is no valid SQL).
  if (actor.productIds) query = query.where('notifications.product_id', 'in', [...actor.productIds, '']);
  if (can(actor, 'see_all_products')) return query;
  return query.where('notifications.product_id', 'in', (eb) =>
    eb.selectFrom('product_members').select('product_id').where('user_id', '=', actor.id),
  );
}

export async function countUnread(ctx: ServiceContext): Promise<number> {
  const row = await ownNotifications(ctx.db, ctx.actor)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listNotifications(
  ctx: ServiceContext & { unreadOnly?: boolean; cursor?: string | undefined },
): Promise<NotificationList> {
  let query = ownNotifications(ctx.db, ctx.actor).selectAll('notifications');
  if (ctx.unreadOnly) query = query.where('read_at', 'is', null);
  if (ctx.cursor) query = query.where('notifications.id', '<', ctx.cursor.toLowerCase());
  const page = COMMENT_LIMITS.notificationsPerPage;
  const rows = await query
    .orderBy('notifications.id', 'desc')
    .limit(page + 1)
    .execute();
  const shown = rows.slice(0, page);
  return {
    notifications: await presentNotifications(ctx.db, shown),
    nextCursor: rows.length > page ? (shown[shown.length - 1]?.id ?? null) : null,
    unread: await countUnread(ctx),
  };
}

/** Marks the listed notifications of the actor (or all of them) read; answers the unread count after. */
export async function markNotificationsRead(
  ctx: ServiceContext & { input: MarkReadInput },
): Promise<{ unread: number }> {
  let update = ctx.db
    .updateTable('notifications')
    .set({ read_at: timestamp(ctx) })
    .where('user_id', '=', ctx.actor.id)
    .where('read_at', 'is', null);
  if (ctx.actor.productIds) update = update.where('product_id', 'in', [...ctx.actor.productIds, '']);
  if (ctx.input.ids !== undefined) {
    if (ctx.input.ids.length === 0) return { unread: await countUnread(ctx) };
    update = update.where(
      'id',
      'in',
      ctx.input.ids.map((id) => id.toLowerCase()),
    );
  }
  await update.execute();
  return { unread: await countUnread(ctx) };
}

async function lookup<T extends { id: string }>(
  ids: Iterable<string>,
  read: (chunk: string[]) => Promise<T[]>,
): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  for (const chunk of chunked([...new Set(ids)], IDS_PER_QUERY)) {
    for (const row of await read(chunk)) found.set(row.id, row);
  }
  return found;
}

async function presentNotifications(db: Db, rows: readonly NotificationRow[]): Promise<Notification[]> {
  const idsOf = (type: NotificationRow['entity_type']) =>
    rows.filter((row) => row.entity_type === type).map((row) => row.entity_id);
  const [products, comments, items, initiatives, prds, names] = await Promise.all([
    lookup(
      rows.map((row) => row.product_id),
      (ids) => db.selectFrom('products').select(['id', 'key']).where('id', 'in', ids).execute(),
    ),
    lookup(
      rows.flatMap((row) => (row.comment_id === null ? [] : [row.comment_id])),
      (ids) =>
        db.selectFrom('comments').select(['id', 'body', 'deleted_at']).where('id', 'in', ids).execute(),
    ),
    lookup(idsOf('item'), (ids) =>
      db.selectFrom('items').select(['id', 'key', 'title']).where('id', 'in', ids).execute(),
    ),
    lookup(idsOf('initiative'), (ids) =>
      db.selectFrom('initiatives').select(['id', 'title']).where('id', 'in', ids).execute(),
    ),
    lookup(idsOf('prd'), (ids) =>
      db.selectFrom('prds').select(['id', 'title']).where('id', 'in', ids).execute(),
    ),
    namesOf(
      db,
      rows.map((row) => row.actor_id),
    ),
  ]);
  return rows.map((row) => {
    const item = row.entity_type === 'item' ? items.get(row.entity_id) : undefined;
    const label = item
      ? `${item.key} ${item.title}`
      : ((row.entity_type === 'initiative' ? initiatives : prds).get(row.entity_id)?.title ?? '');
    const comment = row.comment_id === null ? undefined : comments.get(row.comment_id);
    const body = comment && comment.deleted_at === null ? comment.body : '';
    return {
      id: row.id,
      kind: row.kind,
      productId: row.product_id,
      productKey: products.get(row.product_id)?.key ?? '',
      entityType: row.entity_type,
      entityId: row.entity_id,
      entityLabel: label,
      itemKey: item?.key ?? null,
      commentId: row.comment_id,
      actor:
        row.actor_id === null ? null : { id: row.actor_id, name: names.get(row.actor_id) ?? 'Former user' },
      excerpt: body.length > EXCERPT_CHARS ? `${body.slice(0, EXCERPT_CHARS)}…` : body,
      createdAt: row.created_at,
      readAt: row.read_at,
    };
  });
}

/**
 * Who hears of a comment: the members it mentions (`mention`), and the object's watchers (`comment`),
 * never its author, and only people who can still see the product. Written in the comment's transaction.
 */
import { MAX_MENTIONS, mentionIndex, parseMentions } from '../../domain/mentions.ts';
import { COMMENT_LIMITS } from '../../schemas/comment-limits.ts';
import type { Db } from '../../store/database.ts';
import type { CommentRow, NotificationsTable } from '../../store/tables-comments.ts';
import { newId } from '../ids.ts';

/** People one product's mentions are matched against, at most (members, owners and admins). */
const MAX_MENTIONABLE = 5_000;

export interface Recipient {
  id: string;
  name: string;
  email: string;
}

/** The active users who can see the product: its members, and every owner and admin. */
export async function productAudience(db: Db, productId: string): Promise<Map<string, Recipient>> {
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email'])
    .where('disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('role', 'in', ['owner', 'admin']),
        eb(
          'id',
          'in',
          eb.selectFrom('product_members').select('user_id').where('product_id', '=', productId),
        ),
      ]),
    )
    .orderBy('id')
    .limit(MAX_MENTIONABLE)
    .execute();
  return new Map(rows.map((row) => [row.id, row]));
}

/** The members `body` mentions, in order, at most MAX_MENTIONS. */
export function mentionedIn(body: string, audience: ReadonlyMap<string, Recipient>): string[] {
  return parseMentions(body, mentionIndex([...audience.values()])).slice(0, MAX_MENTIONS);
}

/**
 * Writes the notifications of a new comment (or of the mentions an edit adds: `onlyMentions`); returns
 * the mentioned people, for e-mail after the commit.
 */
export async function notifyOfComment(
  trx: Db,
  comment: CommentRow,
  options: { actorId: string; at: string; onlyMentions?: readonly string[] },
): Promise<Recipient[]> {
  const audience = await productAudience(trx, comment.product_id);
  const mentioned = (options.onlyMentions ?? mentionedIn(comment.body, audience)).filter(
    (id) => id !== options.actorId && audience.has(id),
  );
  const watchers =
    options.onlyMentions !== undefined
      ? []
      : await trx
          .selectFrom('watchers')
          .select('user_id')
          .where('entity_type', '=', comment.entity_type)
          .where('entity_id', '=', comment.entity_id)
          .where('user_id', '!=', options.actorId)
          .orderBy('created_at')
          .limit(COMMENT_LIMITS.watchersNotified)
          .execute();
  const mentionSet = new Set(mentioned);
  const rows: NotificationsTable[] = [];
  const add = (userId: string, kind: NotificationsTable['kind']) =>
    rows.push({
      id: newId(),
      user_id: userId,
      product_id: comment.product_id,
      kind,
      entity_type: comment.entity_type,
      entity_id: comment.entity_id,
      comment_id: comment.id,
      actor_id: options.actorId,
      created_at: options.at,
      read_at: null,
    });
  for (const id of mentioned) add(id, 'mention');
  for (const { user_id } of watchers) {
    if (!mentionSet.has(user_id) && audience.has(user_id)) add(user_id, 'comment');
  }
  if (rows.length > 0) await trx.insertInto('notifications').values(rows).execute();
  return mentioned.flatMap((id) => {
    const person = audience.get(id);
    return person ? [person] : [];
  });
}

/** Makes `userId` a watcher of the object (nothing when they are already). */
export async function addWatcher(
  trx: Db,
  watcher: {
    userId: string;
    entityType: CommentRow['entity_type'];
    entityId: string;
    productId: string;
    at: string;
  },
): Promise<void> {
  await trx
    .insertInto('watchers')
    .values({
      user_id: watcher.userId,
      entity_type: watcher.entityType,
      entity_id: watcher.entityId,
      product_id: watcher.productId,
      created_at: watcher.at,
    })
    .onConflict((oc) => oc.columns(['entity_type', 'entity_id', 'user_id']).doNothing())
    .execute();
}

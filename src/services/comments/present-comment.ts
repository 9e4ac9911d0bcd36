/** Comments as they leave the server: the author's current name, and what the caller may do with them. */
import type { Comment } from '../../schemas/comment.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { CommentRow } from '../../store/tables-comments.ts';
import type { Actor } from '../context.ts';
import { mayChange } from './comment-policy.ts';

/** Ids per `in (…)` list. */
const IDS_PER_QUERY = 500;

/** The names of users, by id. */
export async function namesOf(db: Db, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const distinct = [...new Set([...ids].filter((id): id is string => id !== null))];
  const names = new Map<string, string>();
  for (const chunk of chunked(distinct, IDS_PER_QUERY)) {
    const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', chunk).execute();
    for (const row of rows) names.set(row.id, row.name);
  }
  return names;
}

export function presentComment(
  row: CommentRow,
  names: ReadonlyMap<string, string>,
  actor: Actor,
  /** Whether the caller may still write comments in the product (an author who may not, may only delete). */
  mayWrite: boolean,
): Comment {
  const authorName = row.author_id === null ? row.author_name : (names.get(row.author_id) ?? 'Former user');
  return {
    id: row.id,
    productId: row.product_id,
    entityType: row.entity_type,
    entityId: row.entity_id,
    author: authorName === null ? null : { id: row.author_id, name: authorName },
    body: row.body,
    canEdit: mayWrite && mayChange(actor, row),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    editedAt: row.edited_at,
    deletedAt: row.deleted_at,
  };
}

/** One comment, presented for `actor`. */
export async function readComment(
  db: Db,
  actor: Actor,
  row: CommentRow,
  mayWrite: boolean,
): Promise<Comment> {
  return presentComment(row, await namesOf(db, [row.author_id]), actor, mayWrite);
}

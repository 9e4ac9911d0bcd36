/**
 * Adds imported comments (Trello card comments, Jira comments) in bulk, inside the importer's transaction:
 * each keeps its original author's name and time, and gets its `created` event. No one is notified and
 * nobody starts watching: these are history, not news.
 */
import type { Insertable } from 'kysely';
import { creationChanges } from '../../domain/changes.ts';
import { COMMENT_LIMITS } from '../../schemas/comment-limits.ts';
import type { Db } from '../../store/database.ts';
import { insertRows } from '../../store/insert-rows.ts';
import type { EventsTable } from '../../store/tables.ts';
import type { CommentEntityType, CommentsTable } from '../../store/tables-comments.ts';
import { insertEvents } from '../events/record-event.ts';
import { newId } from '../ids.ts';

/** One comment to import. */
export interface ImportedCommentRow {
  productId: string;
  entityType: CommentEntityType;
  /** The Cairn id of the item (or initiative, PRD) it belongs to. */
  entityId: string;
  /** The Cairn user who wrote it, when the source's author matched one; null otherwise. */
  authorId: string | null;
  /** The author's name (or e-mail) as the source gives it; shown when `authorId` is null. */
  authorName: string | null;
  /** Markdown; cut to COMMENT_LIMITS.body characters. */
  body: string;
  /** ISO time the comment was written in the source. */
  createdAt: string;
  /** Who runs the import: the actor of the events. */
  actorId: string | null;
}

const COMMENT_COLUMNS = [
  'id',
  'product_id',
  'entity_type',
  'entity_id',
  'author_id',
  'author_name',
  'body',
  'version',
  'created_at',
  'updated_at',
  'edited_at',
  'deleted_at',
] as const;

/** Names longer than this are cut (a source's author field is free text). */
const AUTHOR_NAME_MAX = 200;

/**
 * Inserts `rows` and their events in a few multi-row statements; returns how many were written. The
 * caller holds the product's write lock and has checked that the objects exist (the importer made them).
 * Events of one product wake live listeners once, on commit (the caller calls notifyProductEvents).
 */
export async function insertImportedComments(trx: Db, rows: readonly ImportedCommentRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const comments: CommentsTable[] = [];
  const events: Insertable<EventsTable>[] = [];
  for (const row of rows) {
    const comment: CommentsTable = {
      id: newId(),
      product_id: row.productId,
      entity_type: row.entityType,
      entity_id: row.entityId,
      author_id: row.authorId,
      author_name:
        row.authorName === null ? null : row.authorName.replaceAll('\u0000', '').slice(0, AUTHOR_NAME_MAX),
      // PostgreSQL cannot store NUL in text; a source file may hold one.
      body: row.body.replaceAll('\u0000', '').slice(0, COMMENT_LIMITS.body),
      version: 1,
      created_at: row.createdAt,
      updated_at: row.createdAt,
      edited_at: null,
      deleted_at: null,
    };
    comments.push(comment);
    events.push({
      product_id: row.productId,
      actor_id: row.actorId,
      at: row.createdAt,
      entity_type: 'comment',
      entity_id: comment.id,
      action: 'created',
      changes: JSON.stringify(
        creationChanges({
          entityType: comment.entity_type,
          entityId: comment.entity_id,
          authorName: comment.author_name,
          body: comment.body,
          imported: true,
        }),
      ),
    });
  }
  await insertRows(trx, 'comments', COMMENT_COLUMNS, comments);
  await insertEvents(trx, events);
  return comments.length;
}

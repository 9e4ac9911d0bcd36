/**
 * The comments of the items an import creates (Trello card comments, Jira comments), through the comments
 * service's bulk insert. Items imported before keep the comments they got then: a comment has no key of
 * its own in most exports, so adding them again would duplicate them.
 */
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import { type ImportedCommentRow, insertImportedComments } from '../comments/import-comments.ts';
import type { WriteContext } from './write-import.ts';

/** Distinct author e-mails looked up at most; beyond, comments keep the author's name only. */
const MAX_AUTHORS = 2_000;

/** The author's Cairn user by e-mail, for the authors that look like e-mail addresses. */
async function usersByEmail(db: Db, authors: Iterable<string>): Promise<Map<string, string>> {
  const emails = [...new Set([...authors].filter((a) => a.includes('@')).map((a) => a.toLowerCase()))];
  const found = new Map<string, string>();
  for (const chunk of chunked(emails.slice(0, MAX_AUTHORS), 500)) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email'])
      .where('email', 'in', chunk)
      .where('disabled_at', 'is', null)
      .execute();
    for (const row of rows) found.set(row.email.toLowerCase(), row.id);
  }
  return found;
}

/** An ISO time, or `fallback` for a time the source wrote in a form Cairn cannot read. */
function isoOr(value: string | null, fallback: string): string {
  if (value === null) return fallback;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? fallback : new Date(ms).toISOString();
}

export async function importComments(
  ctx: WriteContext & { itemIds: Map<string, string> },
): Promise<{ created: number; unchanged: number }> {
  const authors: string[] = [];
  let unchanged = 0;
  for (const item of ctx.plan.items) {
    if (item.action !== 'create') unchanged += item.comments.length;
    else for (const comment of item.comments) if (comment.author) authors.push(comment.author);
  }
  const users = await usersByEmail(ctx.trx, authors);
  const rows: ImportedCommentRow[] = [];
  for (const item of ctx.plan.items) {
    const entityId = ctx.itemIds.get(item.externalKey);
    if (item.action !== 'create' || entityId === undefined) continue;
    for (const comment of item.comments) {
      const body = comment.body.replaceAll('\u0000', '').trim();
      if (body === '') continue;
      rows.push({
        productId: ctx.productId,
        entityType: 'item',
        entityId,
        authorId: comment.author ? (users.get(comment.author.toLowerCase()) ?? null) : null,
        authorName: comment.author,
        body,
        createdAt: isoOr(comment.at, ctx.at),
        actorId: ctx.actor.id,
      });
    }
  }
  return { created: await insertImportedComments(ctx.trx, rows), unchanged };
}

/**
 * Regenerates a release's draft notes from its done items (rank order) and the initiatives they serve;
 * the draft can then be edited and published. Only the fields the generator may show are read.
 */
import { generateReleaseNotes, type NotesItem } from '../../domain/release-notes.ts';
import type { Story } from '../../presenters/planning.ts';
import type { Release } from '../../schemas/release.ts';
import type { Db } from '../../store/database.ts';
import type { ReleaseRow } from '../../store/tables.ts';
import { type WriteReleaseContext, writeRelease } from './write-release.ts';

/** The Markdown the generator makes for the release as it stands. */
export async function notesFor(db: Db, release: ReleaseRow): Promise<string> {
  const rows = await db
    .selectFrom('items')
    .select(['type', 'title', 'story', 'labels', 'initiative_id'])
    .where('release_id', '=', release.id)
    .where('deleted_at', 'is', null)
    .where('status', '=', 'done')
    .orderBy('rank')
    .execute();
  const items: NotesItem[] = rows.map((row) => ({
    type: row.type,
    title: row.title,
    story: row.story === null ? null : (JSON.parse(row.story) as Story),
    labels: JSON.parse(row.labels) as string[],
    initiativeId: row.initiative_id,
  }));
  const initiativeIds = [...new Set(items.flatMap((item) => (item.initiativeId ? [item.initiativeId] : [])))];
  // A trashed initiative is no longer on the public roadmap: its items go to "other changes".
  const initiatives =
    initiativeIds.length === 0
      ? []
      : await db
          .selectFrom('initiatives')
          .select(['id', 'title', 'public_summary', 'visibility'])
          .where('id', 'in', initiativeIds)
          .where('deleted_at', 'is', null)
          .execute();
  return generateReleaseNotes({
    release: { name: release.name, targetDate: release.target_date, releasedAt: release.released_at },
    items,
    initiatives: initiatives.map((i) => ({
      id: i.id,
      title: i.title,
      publicSummary: i.public_summary,
      visibility: i.visibility,
    })),
  });
}

export async function generateNotes(ctx: WriteReleaseContext): Promise<Release> {
  return writeRelease(ctx, async (trx, current, at) => {
    const draft = await notesFor(trx, current);
    return {
      columns: { notes_draft: draft, notes_generated_at: at },
      action: 'notes_generated',
      changes: {
        ...(draft !== current.notes_draft && { notesDraft: [current.notes_draft, draft] }),
        notesGeneratedAt: [current.notes_generated_at, at],
      },
    };
  });
}

/**
 * The change that moves a versioned object with a `deleted_at` column to the trash or brings it back, for
 * updateVersioned: null when it is already where it is asked to go; `beforeRestore` checks what a restore
 * must not break (a name taken meanwhile, a limit reached). One definition for PRDs, story maps, roadmap
 * baselines, share links and saved views (objectives, themes and initiatives have planning/scoped-entity.ts).
 */
import type { Db } from '../../store/database.ts';
import type { VersionedChange, VersionedRow } from './update-versioned.ts';

export type TrashableTable = 'prds' | 'story_maps' | 'roadmap_baselines' | 'share_links' | 'saved_views';

export async function trashChange<R extends VersionedRow & { deleted_at: string | null }>(
  trx: Db,
  table: TrashableTable,
  current: R,
  change: { trashed: boolean; at: string; beforeRestore?: () => Promise<void> },
): Promise<VersionedChange<R> | null> {
  if ((current.deleted_at !== null) === change.trashed) return null;
  if (!change.trashed) await change.beforeRestore?.();
  const deletedAt = change.trashed ? change.at : null;
  return {
    action: change.trashed ? 'deleted' : 'restored',
    changes: { deletedAt: [current.deleted_at, deletedAt] },
    write: async (stamp) => {
      // Kysely cannot type an update over a union of tables: `saved_views` stands in for the columns all of
      // them have (deleted_at, version, updated_at, id); the row returned is `table`'s own.
      const row = await trx
        .updateTable(table as 'saved_views')
        .set({ deleted_at: deletedAt, ...stamp })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst();
      return row as unknown as R | undefined;
    },
  };
}

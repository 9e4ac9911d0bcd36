/** Moves a PRD to the trash, or brings it back; an initiative's metrics then come from its next PRD. */
import type { Prd } from '../../schemas/prd.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import type { ServiceContext } from '../context.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadPrd, readPrd } from './prd-store.ts';
import { describePrd } from './update-prd.ts';

export async function setPrdTrashed(ctx: ServiceContext & { id: string; trashed: boolean }): Promise<Prd> {
  return updateVersioned<PrdRow, Prd>({
    ...ctx,
    entityType: 'prd',
    load: (db) => loadPrd(db, ctx.actor, ctx.id, false),
    present: (db, row) => readPrd(db, row),
    describe: describePrd,
    change: async (trx, current, at) => {
      if ((current.deleted_at !== null) === ctx.trashed) return null;
      const deletedAt = ctx.trashed ? at : null;
      return {
        action: ctx.trashed ? 'deleted' : 'restored',
        changes: { deletedAt: [current.deleted_at, deletedAt] },
        write: (stamp) =>
          trx
            .updateTable('prds')
            .set({ deleted_at: deletedAt, ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}

/** Moves a PRD to the trash, or brings it back; an initiative's metrics then come from its next PRD. */
import type { Prd } from '../../schemas/prd.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import type { ServiceContext } from '../context.ts';
import { trashChange } from '../write/trash-change.ts';
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
      return trashChange(trx, 'prds', current, { trashed: ctx.trashed, at });
    },
  });
}

/** A reviewer records their own decision on a PRD in review (an event, like any change). */
import { recordDecision } from '../../domain/prd-rules.ts';
import { parsePrd } from '../../presenters/prd-present.ts';
import type { Prd, ReviewPrdInput } from '../../schemas/prd.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadPrd, readPrd } from './prd-store.ts';
import { describePrd } from './update-prd.ts';

export async function reviewPrd(
  ctx: ServiceContext & { id: string; input: ReviewPrdInput; expectedVersion?: number | undefined },
): Promise<Prd> {
  return updateVersioned<PrdRow, Prd>({
    ...ctx,
    entityType: 'prd',
    load: (db) => loadPrd(db, ctx.actor, ctx.id),
    present: (db, row) => readPrd(db, row),
    describe: describePrd,
    change: async (trx, current, at) => {
      const { reviewers } = parsePrd(current);
      const mine = reviewers.find((r) => r.userId === ctx.actor.id);
      if (!mine) throw new AppError('forbidden', 'only a reviewer of this PRD may record a decision on it');
      if (current.status !== 'in_review') {
        throw new AppError('invalid_state', `the PRD is ${current.status}, not in_review`);
      }
      if (mine.decision === ctx.input.decision) return null;
      const next = recordDecision(reviewers, ctx.actor.id, ctx.input.decision, at);
      return {
        action: 'reviewed',
        changes: { [`reviewers.${ctx.actor.id}`]: [mine.decision, ctx.input.decision] },
        write: (stamp) =>
          trx
            .updateTable('prds')
            .set({ reviewers: JSON.stringify(next), ...stamp })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst(),
      };
    },
  });
}

/**
 * Changes a PRD's sections, reviewers, status or initiative through the one write path. Editing the content
 * (a section or the reviewers) of an approved PRD sends it back to in_review with every decision pending;
 * a superseded PRD is final. Moving to approved needs at least one reviewer, every one of them approved.
 */
import { type Changes, sameValue } from '../../domain/changes.ts';
import {
  canMove,
  everyoneApproved,
  NEXT_STATUSES,
  type PrdStatusName,
  resetDecisions,
  withReviewers,
} from '../../domain/prd-rules.ts';
import { parsePrd } from '../../presenters/prd-present.ts';
import type { Prd, UpdatePrdInput } from '../../schemas/prd.ts';
import type { Db } from '../../store/database.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import type { ServiceContext } from '../context.ts';
import { AppError, invalidField } from '../errors.ts';
import { updateVersioned, type VersionedChange } from '../write/update-versioned.ts';
import { absorbInitiativeMetrics } from './absorb-initiative-metrics.ts';
import {
  assertItemsInProduct,
  assertReviewers,
  normalizeMetrics,
  normalizeRequirements,
} from './prd-input.ts';
import { loadPrd, readPrd } from './prd-store.ts';

export const describePrd = (row: PrdRow) => `PRD "${row.title}"`;

/** The fields an event compares, before and after. */
function snapshot(row: PrdRow) {
  const parsed = parsePrd(row);
  return {
    title: row.title,
    problem: row.problem,
    successMetrics: parsed.successMetrics,
    requirements: parsed.requirements,
    technicalConsiderations: row.technical_considerations,
    openQuestions: row.open_questions,
    reviewers: parsed.reviewers,
    status: row.status,
    initiativeId: row.initiative_id,
  };
}
type Snapshot = ReturnType<typeof snapshot>;
const CONTENT: (keyof Snapshot)[] = [
  'title',
  'problem',
  'successMetrics',
  'requirements',
  'technicalConsiderations',
  'openQuestions',
  'reviewers',
];

function nextStatus(current: PrdStatusName, asked: PrdStatusName | undefined, contentChanged: boolean) {
  const wanted = asked === current ? undefined : asked;
  if (current === 'superseded' && contentChanged) {
    throw new AppError('invalid_state', 'a superseded PRD cannot be edited; write a new one');
  }
  if (current === 'approved' && contentChanged) {
    if (wanted !== undefined && wanted !== 'in_review') {
      throw invalidField('status', "editing an approved PRD's content sends it back to in_review");
    }
    return 'in_review';
  }
  if (wanted === undefined) return current;
  if (!canMove(current, wanted)) {
    const next = NEXT_STATUSES[current];
    throw invalidField(
      'status',
      `cannot go from ${current} to ${wanted}${next.length ? ` (only to ${next.join(' or ')})` : ''}`,
    );
  }
  return wanted;
}

async function workOut(
  trx: Db,
  ctx: ServiceContext & { input: UpdatePrdInput },
  current: PrdRow,
  at: string,
): Promise<VersionedChange<PrdRow> | null> {
  const input = ctx.input;
  const before = snapshot(current);
  const after: Snapshot = { ...before };
  if (input.title !== undefined) after.title = input.title;
  if (input.problem !== undefined) after.problem = input.problem;
  if (input.technicalConsiderations !== undefined)
    after.technicalConsiderations = input.technicalConsiderations;
  if (input.openQuestions !== undefined) after.openQuestions = input.openQuestions;
  if (input.successMetrics !== undefined) after.successMetrics = normalizeMetrics(input.successMetrics);
  if (input.requirements !== undefined) {
    // Ids kept from before stay; a requirement sent without one gets a new one.
    after.requirements = normalizeRequirements(input.requirements);
    await assertItemsInProduct(trx, current.product_id, after.requirements);
  }
  if (input.reviewerIds !== undefined) {
    await assertReviewers(trx, current.product_id, input.reviewerIds);
    after.reviewers = withReviewers(before.reviewers, input.reviewerIds);
  }
  const contentChanged = CONTENT.some((field) => !sameValue(before[field], after[field]));
  after.status = nextStatus(before.status, input.status, contentChanged);
  if (after.status === 'approved' && before.status !== 'approved' && !everyoneApproved(after.reviewers)) {
    throw invalidField('status', 'approval needs at least one reviewer, and every reviewer approved');
  }
  if (after.status === 'in_review' && before.status !== 'in_review') {
    after.reviewers = resetDecisions(after.reviewers);
  }
  if (input.initiativeId !== undefined && input.initiativeId !== before.initiativeId) {
    after.initiativeId = input.initiativeId;
    if (input.initiativeId !== null) {
      after.successMetrics = await absorbInitiativeMetrics(trx, {
        productId: current.product_id,
        initiativeId: input.initiativeId,
        actorId: ctx.actor.id,
        at,
        metrics: after.successMetrics,
      });
    }
  }
  const changes: Changes = {};
  for (const field of Object.keys(after) as (keyof Snapshot)[]) {
    if (!sameValue(before[field], after[field])) changes[field] = [before[field], after[field]];
  }
  if (Object.keys(changes).length === 0) return null;
  return {
    action: 'updated',
    changes,
    write: (stamp) =>
      trx
        .updateTable('prds')
        .set({
          title: after.title,
          problem: after.problem,
          success_metrics: JSON.stringify(after.successMetrics),
          requirements: JSON.stringify(after.requirements),
          technical_considerations: after.technicalConsiderations,
          open_questions: after.openQuestions,
          reviewers: JSON.stringify(after.reviewers),
          status: after.status,
          initiative_id: after.initiativeId,
          ...stamp,
        })
        .where('id', '=', current.id)
        .where('version', '=', current.version)
        .returningAll()
        .executeTakeFirst(),
  };
}

export async function updatePrd(
  ctx: ServiceContext & { id: string; input: UpdatePrdInput; expectedVersion?: number | undefined },
): Promise<Prd> {
  return updateVersioned<PrdRow, Prd>({
    ...ctx,
    entityType: 'prd',
    load: (db) => loadPrd(db, ctx.actor, ctx.id),
    present: (db, row) => readPrd(db, row),
    describe: describePrd,
    change: (trx, current, at) => workOut(trx, ctx, current, at),
  });
}

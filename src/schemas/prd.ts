/**
 * PRDs: why an initiative exists and how its success is measured. A PRD may start without an initiative
 * (while exploring) and be tied to one later; its success metrics are then the initiative's metrics.
 */
import { PRD_STATUSES, REVIEW_DECISIONS } from '../domain/prd-rules.ts';
import { Id, requiredText, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';

export const PrdStatus = z
  .enum(PRD_STATUSES)
  .describe(
    'draft → in_review → approved → superseded; in_review may go back to draft and approved back to ' +
      'in_review. Editing the content (any section or the reviewers) of an approved PRD sends it back to ' +
      'in_review with every decision pending; a superseded PRD cannot be edited.',
  )
  .openapi('PrdStatus');
export type PrdStatus = z.infer<typeof PrdStatus>;

export const ReviewDecision = z.enum(REVIEW_DECISIONS).openapi('ReviewDecision');

const figure = text(LIMITS.prdMetricValue)
  .nullable()
  .default(null)
  .describe('Free text such as "42 %"; null (or empty) while unknown.');

export const SuccessMetricInput = z
  .object({ name: requiredText(LIMITS.metric), baseline: figure, target: figure, measured: figure })
  .strict()
  .openapi('SuccessMetricInput');

export const SuccessMetric = z
  .object({
    name: z.string(),
    baseline: z.string().nullable(),
    target: z.string().nullable(),
    measured: z.string().nullable(),
  })
  .openapi('SuccessMetric');

export const RequirementInput = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, _ or -')
      .optional()
      .describe("The requirement's id; keep it when editing, omit it for a new requirement."),
    text: requiredText(LIMITS.prdRequirementText),
    itemIds: z
      .array(Id)
      .max(LIMITS.prdRequirementItems, `must list at most ${LIMITS.prdRequirementItems} items`)
      .default([])
      .describe('Backlog items of the same product that deliver this requirement.'),
  })
  .strict()
  .openapi('RequirementInput');
export type RequirementInput = z.infer<typeof RequirementInput>;

export const Requirement = z
  .object({ id: z.string(), text: z.string(), itemIds: z.array(Id) })
  .openapi('Requirement');

export const Reviewer = z
  .object({
    userId: Id,
    name: z.string(),
    decision: ReviewDecision,
    decidedAt: Timestamp.nullable(),
  })
  .openapi('PrdReviewer');

export const LinkedItem = z
  .object({ id: Id, key: z.string(), title: z.string(), status: z.string(), trashed: z.boolean() })
  .openapi('PrdLinkedItem');

const section = (what: string) => text(LIMITS.prdSection).describe(`${what} (Markdown).`);

const fields = {
  title: requiredText(LIMITS.prdTitle),
  problem: section('The problem the initiative solves'),
  successMetrics: z
    .array(SuccessMetricInput)
    .max(LIMITS.prdMetrics, `must list at most ${LIMITS.prdMetrics} metrics`),
  requirements: z
    .array(RequirementInput)
    .max(LIMITS.prdRequirements, `must list at most ${LIMITS.prdRequirements} requirements`),
  technicalConsiderations: section('Technical considerations'),
  openQuestions: section('Open questions'),
  reviewerIds: z
    .array(Id)
    .max(LIMITS.prdReviewers, `must list at most ${LIMITS.prdReviewers} reviewers`)
    .describe(
      'Who reviews the PRD: users who may edit the product (members, or owners and admins). Each keeps ' +
        'their decision while they stay on the list; a new reviewer starts pending.',
    ),
};

export const CreatePrdInput = z
  .object({
    ...fields,
    problem: fields.problem.default(''),
    successMetrics: fields.successMetrics.default([]),
    requirements: fields.requirements.default([]),
    technicalConsiderations: fields.technicalConsiderations.default(''),
    openQuestions: fields.openQuestions.default(''),
    reviewerIds: fields.reviewerIds.default([]),
  })
  .strict()
  .openapi('CreatePrdInput');
export type CreatePrdInput = z.infer<typeof CreatePrdInput>;

export const UpdatePrdInput = z
  .object({
    ...fields,
    status: PrdStatus.describe(
      'A legal next status. approved needs at least one reviewer, every one of them approved.',
    ),
    initiativeId: Id.nullable().describe(
      'Ties the PRD to an initiative of the same product (the success metrics the initiative lists ' +
        'move into the PRD); null unties it.',
    ),
  })
  .partial()
  .strict()
  .openapi('UpdatePrdInput');
export type UpdatePrdInput = z.infer<typeof UpdatePrdInput>;

export const ReviewPrdInput = z
  .object({
    decision: z
      .enum(['approved', 'changes_requested'])
      .describe("The caller's own decision; the caller must be a reviewer and the PRD in_review."),
  })
  .strict()
  .openapi('ReviewPrdInput');
export type ReviewPrdInput = z.infer<typeof ReviewPrdInput>;

export const Prd = z
  .object({
    id: Id,
    productId: Id,
    initiativeId: Id.nullable(),
    title: z.string(),
    problem: z.string(),
    successMetrics: z.array(SuccessMetric),
    requirements: z.array(Requirement),
    technicalConsiderations: z.string(),
    openQuestions: z.string(),
    status: PrdStatus,
    reviewers: z.array(Reviewer),
    linkedItems: z.array(LinkedItem).describe('The backlog items the requirements link to.'),
    createdBy: Id.nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Prd');
export type Prd = z.infer<typeof Prd>;

export const PrdSummary = z
  .object({
    id: Id,
    productId: Id,
    initiativeId: Id.nullable(),
    title: z.string(),
    status: PrdStatus,
    successMetrics: z.array(SuccessMetric),
    requirementCount: z.number().int(),
    reviewers: z.array(Reviewer),
    createdBy: Id.nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('PrdSummary');
export type PrdSummary = z.infer<typeof PrdSummary>;

export const ListPrdsQuery = z.object({
  initiativeId: Id.optional(),
  trashed: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: the PRDs in the trash instead, most recently deleted first (to restore one).'),
});

export const PrdGaps = z
  .object({
    unlinkedRequirements: z
      .array(z.object({ id: z.string(), text: z.string() }))
      .describe('Requirements with no live backlog item: none linked, or every linked item trashed.'),
    unmeasuredMetrics: z.array(z.object({ name: z.string() })).describe('Success metrics never measured.'),
  })
  .openapi('PrdGaps');
export type PrdGaps = z.infer<typeof PrdGaps>;

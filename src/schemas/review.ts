/** Monthly strategic reviews: decisions recorded over a snapshot of the figures. */
import { Id, requiredText, Timestamp, z } from './common.ts';
import { LIMITS } from './limits.ts';
import { AsOf } from './readiness.ts';

export const CreateReviewInput = z
  .object({
    decisions: requiredText(LIMITS.reviewDecisions).describe('What the review decided, in Markdown.'),
  })
  .strict()
  .openapi('CreateReviewInput');

const RoadmapChange = z.object({
  initiativeId: Id,
  at: Timestamp,
  actorId: Id.nullable(),
  field: z.enum(['horizon', 'startDate', 'targetDate', 'status', 'created', 'deleted']),
  before: z.string().nullable().describe('The value before (a horizon, a status, a date); null for none.'),
  after: z.string().nullable().describe('The value after; null for none.'),
});

export const ReviewSnapshot = z
  .object({
    alignment: z.object({
      openItems: z.number().int(),
      openPoints: z.number(),
      linkedItemShare: z.number(),
      linkedPointShare: z.number(),
      orphanItems: z.number().int(),
      initiativesWithoutWork: z.number().int(),
      drift: z.record(z.string(), z.number().int()).describe('How many drift findings of each kind.'),
    }),
    forecast: z.array(
      z.object({
        initiativeId: Id,
        title: z.string(),
        targetDate: z.string().nullable(),
        status: z.string(),
        p50: z.string().nullable(),
        p85: z.string().nullable(),
        probabilityOnTime: z.number().nullable(),
        atRisk: z.boolean(),
      }),
    ),
    blockers: z.object({
      blockedItems: z.number().int(),
      overdueExternals: z.number().int(),
      unmetExternals: z.number().int(),
    }),
    changes: z.array(RoadmapChange).describe('Roadmap changes since the previous review (the newest 200).'),
    changesTotal: z.number().int(),
  })
  .openapi('ReviewSnapshot');

export const ReviewFigures = z
  .object({
    asOf: AsOf,
    since: Timestamp.describe('Changes are counted from here: the last review, or 30 days ago.'),
    previousReviewId: Id.nullable(),
    snapshot: ReviewSnapshot,
  })
  .openapi('ReviewFigures');

export const Review = z
  .object({
    id: Id,
    productId: Id,
    decisions: z.string(),
    asOf: AsOf,
    createdBy: Id.nullable(),
    createdAt: Timestamp,
    snapshot: ReviewSnapshot,
  })
  .openapi('Review');

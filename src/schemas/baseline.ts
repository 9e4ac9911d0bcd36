/** Roadmap baselines (a named snapshot of the initiatives), their diff, and the roadmap's changelog. */
import { Id, requiredText, Timestamp, z } from './common.ts';
import { LIMITS } from './limits.ts';

export const CreateBaselineInput = z
  .object({ name: requiredText(LIMITS.baselineName).describe('What the plan is called: "Q3 plan".') })
  .strict()
  .openapi('CreateBaselineInput');
export type CreateBaselineInput = z.infer<typeof CreateBaselineInput>;

export const UpdateBaselineInput = z
  .object({ name: requiredText(LIMITS.baselineName).optional() })
  .strict()
  .openapi('UpdateBaselineInput');
export type UpdateBaselineInput = z.infer<typeof UpdateBaselineInput>;

export const BaselineInitiative = z
  .object({
    id: Id,
    title: z.string(),
    themeId: Id.nullable(),
    horizon: z.string(),
    startDate: z.string().nullable(),
    targetDate: z.string().nullable(),
    confidence: z.string(),
    status: z.string(),
    visibility: z.string(),
  })
  .openapi('BaselineInitiative');

const baselineFields = {
  id: Id,
  productId: Id,
  name: z.string(),
  asOf: z.number().int().describe("The product's newest event when the baseline was saved."),
  initiativeCount: z.number().int(),
  createdBy: Id.nullable(),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  deletedAt: Timestamp.nullable(),
};

export const RoadmapBaselineSummary = z.object(baselineFields).openapi('RoadmapBaselineSummary');

export const RoadmapBaseline = z
  .object({ ...baselineFields, initiatives: z.array(BaselineInitiative) })
  .openapi('RoadmapBaseline');

export const BaselineList = z
  .object({ roadmapBaselines: z.array(RoadmapBaselineSummary) })
  .openapi('RoadmapBaselineList');

export const DiffQuery = z
  .object({
    against: z
      .union([z.literal('now'), Id])
      .default('now')
      .describe('`now` (the current roadmap) or the id of another baseline of the same product.'),
  })
  .strict();

const Attribution = z
  .object({ eventId: z.number().int(), actorId: Id.nullable(), at: Timestamp })
  .openapi('ChangeAttribution');

export const RoadmapDiff = z
  .object({
    baselineId: Id,
    against: z.string().describe('`now` or the other baseline id.'),
    from: z.object({ baselineId: Id.nullable(), name: z.string().nullable(), asOf: z.number().int() }),
    to: z.object({ baselineId: Id.nullable(), name: z.string().nullable(), asOf: z.number().int() }),
    added: z.array(z.object({ initiative: BaselineInitiative, by: Attribution.nullable() })),
    removed: z.array(z.object({ initiative: BaselineInitiative, by: Attribution.nullable() })),
    changes: z.array(
      z.object({
        initiativeId: Id,
        title: z.string(),
        field: z.enum([
          'horizon',
          'startDate',
          'targetDate',
          'confidence',
          'status',
          'title',
          'themeId',
          'visibility',
        ]),
        kind: z.enum(['moved', 'dates', 'confidence', 'status', 'title', 'theme', 'visibility']),
        before: z.string().nullable(),
        after: z.string().nullable(),
        by: Attribution.nullable(),
      }),
    ),
    truncated: z
      .boolean()
      .describe('True when older events between the points were not read (no name for them).'),
  })
  .openapi('RoadmapDiff');

const ChangeSet = z.record(z.string(), z.tuple([z.unknown(), z.unknown()]));

export const RoadmapChangelog = z
  .object({
    announcements: z.array(
      z
        .object({
          id: Id,
          productId: Id,
          initiativeId: Id,
          at: Timestamp.describe('When the change was announced.'),
          actorId: Id.nullable(),
          text: z.string(),
          publicText: z.string().nullable(),
          changes: ChangeSet,
          version: z.number().int(),
          updatedAt: Timestamp,
          deletedAt: Timestamp.nullable(),
        })
        .openapi('RoadmapAnnouncement'),
    ),
    unannounced: z.array(
      z
        .object({
          initiativeId: Id,
          at: Timestamp,
          actorId: Id.nullable(),
          changes: ChangeSet,
          eventId: z.number().int(),
        })
        .openapi('UnannouncedPivot'),
    ),
  })
  .openapi('RoadmapChangelog');

export const AnnouncePivotInput = z
  .object({
    eventId: z.number().int().min(1).describe('The unannounced pivot (its event) this announces.'),
    announcement: requiredText(LIMITS.announcement),
    publicAnnouncement: requiredText(LIMITS.publicAnnouncement).optional(),
  })
  .strict()
  .openapi('AnnouncePivotInput');
export type AnnouncePivotInput = z.infer<typeof AnnouncePivotInput>;

/** One announcement (GET, PATCH, DELETE, restore by id). */
export const RoadmapAnnouncement = RoadmapChangelog.shape.announcements.element;

export const UpdateAnnouncementInput = z
  .object({
    announcement: requiredText(LIMITS.announcement).optional().describe('The words for the team.'),
    publicAnnouncement: requiredText(LIMITS.publicAnnouncement)
      .nullable()
      .optional()
      .describe('The words for customers; null removes them (the customer view then words the change).'),
  })
  .strict()
  .openapi('UpdateAnnouncementInput');
export type UpdateAnnouncementInput = z.infer<typeof UpdateAnnouncementInput>;

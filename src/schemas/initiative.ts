/** Initiatives: the roadmap's units of strategy. */
import { datesInOrder } from '../domain/calendar.ts';
import { DateOnly, Id, requiredText, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';
import { SuccessMetric } from './prd.ts';

export const Horizon = z.enum(['now', 'next', 'later']).openapi('Horizon');
export const Confidence = z.enum(['committed', 'planned', 'exploratory']).openapi('Confidence');
export const Visibility = z.enum(['internal', 'public']).openapi('Visibility');
export const InitiativeStatus = z.enum(['proposed', 'active', 'done', 'dropped']).openapi('InitiativeStatus');

const fields = {
  title: requiredText(LIMITS.initiativeTitle),
  summary: text(LIMITS.initiativeSummary).describe('Internal summary (markdown).'),
  themeId: Id.nullable(),
  objectiveIds: z
    .array(Id)
    .max(LIMITS.initiativeObjectives, `must list at most ${LIMITS.initiativeObjectives} objectives`),
  horizon: Horizon,
  startDate: DateOnly.nullable(),
  targetDate: DateOnly.nullable(),
  confidence: Confidence,
  visibility: Visibility,
  publicSummary: text(LIMITS.publicSummary).describe(
    'Customer-facing words; the only text a public roadmap shows.',
  ),
  status: InitiativeStatus,
  successMetrics: z
    .array(requiredText(LIMITS.metric))
    .max(LIMITS.metrics, `must list at most ${LIMITS.metrics} metrics`),
};

const inOrder = (v: { startDate?: string | null; targetDate?: string | null }) =>
  datesInOrder(v.startDate, v.targetDate);
const datesMessage = { message: 'must not be before startDate', path: ['targetDate'] };

export const CreateInitiativeInput = z
  .object({
    ...fields,
    summary: fields.summary.default(''),
    themeId: fields.themeId.default(null),
    objectiveIds: fields.objectiveIds.default([]),
    horizon: Horizon.default('later'),
    startDate: fields.startDate.default(null),
    targetDate: fields.targetDate.default(null),
    confidence: Confidence.default('exploratory'),
    visibility: Visibility.default('internal'),
    publicSummary: fields.publicSummary.default(''),
    status: InitiativeStatus.default('proposed'),
    successMetrics: fields.successMetrics.default([]),
  })
  .strict()
  .refine(inOrder, datesMessage)
  .openapi('CreateInitiativeInput');
export type CreateInitiativeInput = z.infer<typeof CreateInitiativeInput>;

export const UpdateInitiativeInput = z
  .object({
    ...fields,
    announcement: requiredText(LIMITS.announcement).describe(
      'Why the roadmap changes: stored in its changelog (expected for a pivot, a change to a committed initiative after a baseline).',
    ),
    publicAnnouncement: requiredText(LIMITS.publicAnnouncement).describe(
      'The announcement in the words customers see (needs `announcement`).',
    ),
  })
  .partial()
  .strict()
  .refine(inOrder, datesMessage)
  .refine((v) => v.publicAnnouncement === undefined || v.announcement !== undefined, {
    message: 'needs announcement',
    path: ['publicAnnouncement'],
  })
  .openapi('UpdateInitiativeInput');
export type UpdateInitiativeInput = z.infer<typeof UpdateInitiativeInput>;

export const Initiative = z
  .object({
    id: Id,
    productId: Id,
    title: z.string(),
    summary: z.string(),
    themeId: Id.nullable(),
    objectiveIds: z.array(Id),
    horizon: Horizon,
    startDate: z.string().nullable(),
    targetDate: z.string().nullable(),
    confidence: Confidence,
    visibility: Visibility,
    publicSummary: z.string(),
    status: InitiativeStatus,
    successMetrics: z
      .array(z.string())
      .describe("The initiative's own metrics; empty once they moved into its first PRD."),
    metrics: z
      .array(SuccessMetric)
      .describe("What it shows: its current PRD's metrics, or its own (figures unknown) without one."),
    prdId: Id.nullable().describe('Its current PRD: the newest live one not superseded.'),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Initiative');

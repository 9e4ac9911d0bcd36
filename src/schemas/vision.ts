/** A product's vision: its draft, its published versions, and the diff between any two. */
import { datesInOrder } from '../domain/calendar.ts';
import { VISION_FIELDS } from '../domain/vision-diff.ts';
import { DateOnly, Id, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';

const Entries = z
  .array(text(LIMITS.visionEntry).min(1, 'must not be empty'))
  .max(LIMITS.visionEntries, `must list at most ${LIMITS.visionEntries} entries`);

const fields = {
  statement: z.string().describe('Where the product goes (Markdown).'),
  targetCustomers: z.array(z.string()),
  problems: z.array(z.string()),
  differentiators: z.array(z.string()),
  periodStart: DateOnly.nullable().describe('The first day the vision covers (typically a year).'),
  periodEnd: DateOnly.nullable().describe('The last day it covers; not before periodStart.'),
};

export const VisionDraft = z
  .object({
    productId: Id,
    ...fields,
    version: z.number().int().describe('0 while the product has no draft (it reads as empty).'),
    updatedAt: Timestamp.nullable(),
    deletedAt: Timestamp.nullable().describe('Set while the draft is in the trash: it reads as empty.'),
  })
  .openapi('VisionDraft');
export type VisionDraftT = z.infer<typeof VisionDraft>;

export const UpdateVisionInput = z
  .object({
    statement: text(LIMITS.visionStatement).default(''),
    targetCustomers: Entries.default([]),
    problems: Entries.default([]),
    differentiators: Entries.default([]),
    periodStart: DateOnly.nullable().default(null),
    periodEnd: DateOnly.nullable().default(null),
  })
  .strict()
  .refine((v) => datesInOrder(v.periodStart, v.periodEnd), {
    message: 'must not be before periodStart',
    path: ['periodEnd'],
  })
  .openapi('UpdateVisionInput');
export type UpdateVisionInput = z.infer<typeof UpdateVisionInput>;

export const VisionVersion = z
  .object({
    productId: Id,
    number: z.number().int().describe('1 for the first version published, then 2, 3…'),
    ...fields,
    publishedBy: Id.nullable(),
    publishedAt: Timestamp,
  })
  .openapi('VisionVersion');
export type VisionVersionT = z.infer<typeof VisionVersion>;

export const VisionVersionList = z
  .object({ versions: z.array(VisionVersion).describe('Newest first.') })
  .openapi('VisionVersionList');

/** A version number, or `draft`. */
const VersionRef = z
  .string()
  .regex(/^(draft|[1-9]\d{0,8})$/, 'must be a version number or "draft"')
  .openapi({ example: '2' });

export const VisionDiffQuery = z.object({ from: VersionRef, to: VersionRef.default('draft') });

export const VisionDiff = z
  .object({
    from: z.string().describe('A version number, or draft.'),
    to: z.string(),
    fields: z.array(
      z.object({
        field: z.enum(VISION_FIELDS),
        changed: z.boolean(),
        parts: z
          .array(
            z.object({
              kind: z.enum(['same', 'inserted', 'deleted']),
              value: z.string(),
            }),
          )
          .describe('The statement by words; a list one entry per part; a date as a whole.'),
      }),
    ),
  })
  .openapi('VisionDiff');
export type VisionDiffT = z.infer<typeof VisionDiff>;

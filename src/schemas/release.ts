/** Releases (versions) of a product and their notes. */
import { DateOnly, Id, requiredText, Timestamp, text, z } from './common.ts';
import { BacklogItem } from './item.ts';
import { LIMITS } from './limits.ts';

export const ReleaseState = z.enum(['planned', 'released', 'cancelled']).openapi('ReleaseState');

export const CreateReleaseInput = z
  .object({
    name: requiredText(LIMITS.releaseName).openapi({ example: '2.4' }),
    description: text(LIMITS.description).default(''),
    targetDate: DateOnly.nullable().default(null),
  })
  .strict()
  .openapi('CreateReleaseInput');
export type CreateReleaseInput = z.infer<typeof CreateReleaseInput>;

export const UpdateReleaseInput = z
  .object({
    name: requiredText(LIMITS.releaseName),
    description: text(LIMITS.description),
    targetDate: DateOnly.nullable(),
    state: ReleaseState,
    notesDraft: text(LIMITS.releaseNotes).describe('The editable draft of the release notes (Markdown).'),
  })
  .partial()
  .strict()
  .openapi('UpdateReleaseInput');
export type UpdateReleaseInput = z.infer<typeof UpdateReleaseInput>;

export const Release = z
  .object({
    id: Id,
    productId: Id,
    name: z.string(),
    description: z.string(),
    targetDate: DateOnly.nullable(),
    state: ReleaseState,
    releasedAt: Timestamp.nullable(),
    notesDraft: z.string(),
    notesGeneratedAt: Timestamp.nullable(),
    notesPublished: z.string().nullable().describe('The published notes (Markdown), null until published.'),
    notesPublishedAt: Timestamp.nullable(),
    itemCount: z.number().int().describe("Live items assigned to the release (won't-do items not counted)."),
    doneCount: z.number().int().describe('Of those, the items that are done.'),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Release');
export type Release = z.infer<typeof Release>;

export const ReleaseDetail = Release.extend({
  items: z.array(BacklogItem).describe("The release's live items, in backlog rank order."),
}).openapi('ReleaseDetail');
export type ReleaseDetail = z.infer<typeof ReleaseDetail>;

export const ReleaseNotesQuery = z
  .object({
    draft: z
      .enum(['true', 'false'])
      .optional()
      .describe('`true`: the draft instead of the published notes (to preview before publishing).'),
  })
  .strict();

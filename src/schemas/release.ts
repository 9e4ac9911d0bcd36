/** Releases (versions) of a product and their notes. */
import { DateOnly, Id, requiredText, Timestamp, text, z } from './common.ts';

export const ReleaseState = z.enum(['planned', 'released', 'cancelled']).openapi('ReleaseState');

export const CreateReleaseInput = z
  .object({
    name: requiredText(200).openapi({ example: '2.4' }),
    description: text(10_000).default(''),
    targetDate: DateOnly.nullable().default(null),
  })
  .strict()
  .openapi('CreateReleaseInput');
export type CreateReleaseInput = z.infer<typeof CreateReleaseInput>;

export const UpdateReleaseInput = z
  .object({
    name: requiredText(200),
    description: text(10_000),
    targetDate: DateOnly.nullable(),
    state: ReleaseState,
    notesDraft: text(200_000).describe('The editable draft of the release notes (Markdown).'),
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
    itemCount: z.number().int(),
    doneCount: z.number().int(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Release');

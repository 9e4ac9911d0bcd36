/** Teams: a product's people who plan and run sprints together. */
import { Id, requiredText, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';

const memberIds = z
  .array(Id)
  .max(200, 'must list at most 200 members')
  .transform((ids) => [...new Set(ids)]);

export const CreateTeamInput = z
  .object({
    name: requiredText(LIMITS.name),
    description: text(LIMITS.description).default(''),
    memberIds: memberIds.default([]),
  })
  .strict()
  .openapi('CreateTeamInput');
export type CreateTeamInput = z.infer<typeof CreateTeamInput>;

export const UpdateTeamInput = z
  .object({ name: requiredText(LIMITS.name), description: text(LIMITS.description), memberIds })
  .partial()
  .strict()
  .openapi('UpdateTeamInput');
export type UpdateTeamInput = z.infer<typeof UpdateTeamInput>;

export const Team = z
  .object({
    id: Id,
    productId: Id,
    name: z.string(),
    description: z.string(),
    memberIds: z.array(Id),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Team');

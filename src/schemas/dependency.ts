/** Dependencies between items, external business dependencies, and events. */
import { HIDDEN_ITEM_LABEL } from '../domain/hidden-item.ts';
import { DateOnly, Id, requiredText, Timestamp, text, z } from './common.ts';
import { ItemRef } from './item.ts';
import { LIMITS } from './limits.ts';

export const DependencyKind = z.enum(['technical', 'business']).openapi('DependencyKind');

export const CreateDependencyInput = z
  .object({
    blockedBy: ItemRef.optional().describe('This item cannot finish before the named item (id or key).'),
    blocks: ItemRef.optional().describe('The named item (id or key) cannot finish before this item.'),
    kind: DependencyKind.default('technical'),
    note: text(LIMITS.dependencyNote).default(''),
  })
  .strict()
  .refine((v) => Boolean(v.blockedBy) !== Boolean(v.blocks), {
    message: 'give exactly one of blockedBy or blocks',
    path: ['blockedBy'],
  })
  .openapi('CreateDependencyInput');
export type CreateDependencyInput = z.infer<typeof CreateDependencyInput>;

const HIDDEN_NOTE = `Null when the item is in a product you are not a member of: show "${HIDDEN_ITEM_LABEL}".`;

export const Dependency = z
  .object({
    id: Id,
    blockerId: Id.nullable().describe(HIDDEN_NOTE),
    blockerKey: z.string().nullable().describe(HIDDEN_NOTE),
    blockedId: Id.nullable().describe(HIDDEN_NOTE),
    blockedKey: z.string().nullable().describe(HIDDEN_NOTE),
    kind: DependencyKind,
    note: z.string(),
    createdAt: Timestamp,
  })
  .openapi('Dependency');

const externalFields = {
  title: requiredText(LIMITS.externalTitle).describe(
    'What is awaited: an approval, a partner delivery, a contract.',
  ),
  owner: text(LIMITS.externalOwner).describe('Who is responsible for it.'),
  expectedDate: DateOnly.nullable(),
  met: z.boolean(),
  note: text(LIMITS.dependencyNote),
};

export const CreateExternalDependencyInput = z
  .object({
    ...externalFields,
    owner: externalFields.owner.default(''),
    expectedDate: externalFields.expectedDate.default(null),
    met: z.boolean().default(false),
    note: externalFields.note.default(''),
  })
  .strict()
  .openapi('CreateExternalDependencyInput');
export type CreateExternalDependencyInput = z.infer<typeof CreateExternalDependencyInput>;

export const UpdateExternalDependencyInput = z
  .object(externalFields)
  .partial()
  .strict()
  .openapi('UpdateExternalDependencyInput');
export type UpdateExternalDependencyInput = z.infer<typeof UpdateExternalDependencyInput>;

export const ExternalDependency = z
  .object({
    id: Id,
    itemId: Id,
    title: z.string(),
    owner: z.string(),
    expectedDate: z.string().nullable(),
    met: z.boolean(),
    note: z.string(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('ExternalDependency');

export const ItemDependencies = z
  .object({
    blockedBy: z.array(Dependency),
    blocks: z.array(Dependency),
    external: z.array(ExternalDependency),
  })
  .openapi('ItemDependencies');

export const Event = z
  .object({
    id: z.number().int(),
    at: Timestamp,
    actorId: Id.nullable(),
    productId: Id.nullable(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    changes: z
      .record(z.string(), z.tuple([z.unknown(), z.unknown()]))
      .describe(
        "field → [before, after]. An item id (a dependency's `blockerId`, `blockedId`) is null when the item " +
          `is in a product you are not a member of ("${HIDDEN_ITEM_LABEL}").`,
      ),
  })
  .openapi('Event');

export const EventPage = z
  .object({ events: z.array(Event), nextCursor: z.string().nullable() })
  .openapi('EventPage');

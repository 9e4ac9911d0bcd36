/** Products, objectives and themes. */
import { Id, requiredText, Timestamp, text, z } from './common.ts';
import { LIMITS } from './limits.ts';

export const ProductKey = z
  .string()
  .regex(/^[A-Z]{2,10}$/, 'must be 2 to 10 capital letters')
  .openapi({ example: 'CAI' });

export const CreateProductInput = z
  .object({
    key: ProductKey,
    name: requiredText(LIMITS.productName),
    description: text(LIMITS.description).default(''),
  })
  .strict()
  .openapi('CreateProductInput');
export type CreateProductInput = z.infer<typeof CreateProductInput>;

export const UpdateProductInput = z
  .object({
    name: requiredText(LIMITS.productName),
    description: text(LIMITS.description),
    releaseNotesPublic: z
      .boolean()
      .describe('Whether published release notes and the Atom feed are readable without signing in.'),
  })
  .partial()
  .strict()
  .openapi('UpdateProductInput');
export type UpdateProductInput = z.infer<typeof UpdateProductInput>;

export const Product = z
  .object({
    id: Id,
    key: z.string(),
    name: z.string(),
    description: z.string(),
    releaseNotesPublic: z.boolean(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .openapi('Product');

export const CreateObjectiveInput = z
  .object({ title: requiredText(LIMITS.objectiveTitle), description: text(LIMITS.description).default('') })
  .strict()
  .openapi('CreateObjectiveInput');
export type CreateObjectiveInput = z.infer<typeof CreateObjectiveInput>;
// Update schemas are written without defaults: a PATCH must not reset a field it does not name.
export const UpdateObjectiveInput = z
  .object({ title: requiredText(LIMITS.objectiveTitle), description: text(LIMITS.description) })
  .partial()
  .strict()
  .openapi('UpdateObjectiveInput');
export type UpdateObjectiveInput = z.infer<typeof UpdateObjectiveInput>;

export const Objective = z
  .object({
    id: Id,
    productId: Id,
    title: z.string(),
    description: z.string(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Objective');

export const Color = z
  .string()
  .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour as #rrggbb')
  .openapi({ example: '#3b82f6' });

export const CreateThemeInput = z
  .object({
    name: requiredText(LIMITS.themeName),
    color: Color.default('#64748b'),
    description: text(LIMITS.description).default(''),
  })
  .strict()
  .openapi('CreateThemeInput');
export type CreateThemeInput = z.infer<typeof CreateThemeInput>;
export const UpdateThemeInput = z
  .object({ name: requiredText(LIMITS.themeName), color: Color, description: text(LIMITS.description) })
  .partial()
  .strict()
  .openapi('UpdateThemeInput');
export type UpdateThemeInput = z.infer<typeof UpdateThemeInput>;

export const Theme = z
  .object({
    id: Id,
    productId: Id,
    name: z.string(),
    color: z.string(),
    description: z.string(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Theme');

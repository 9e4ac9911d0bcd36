/**
 * Share links: a public, read-only address of a product's customer roadmap. Only the customer view can be
 * shared: the executive and team views hold internal fields, and a shared page never shows one.
 */
import { Id, Timestamp, TimestampInput, z } from './common.ts';

export const ShareableView = z
  .enum(['customer'])
  .describe('The view the link shows: only the customer view, which holds no internal field.')
  .openapi('ShareableView');

export const CreateShareLinkInput = z
  .object({
    view: ShareableView,
    expiresAt: TimestampInput.nullable()
      .default(null)
      .describe('When the link stops working; null: until revoked.'),
  })
  .strict()
  .openapi('CreateShareLinkInput');
export type CreateShareLinkInput = z.infer<typeof CreateShareLinkInput>;

export const ShareLink = z
  .object({
    id: Id,
    productId: Id,
    view: ShareableView,
    expiresAt: Timestamp.nullable(),
    createdAt: Timestamp,
    createdBy: Id.nullable(),
    version: z.number().int(),
    deletedAt: Timestamp.nullable().describe('When it was revoked; null while live.'),
  })
  .openapi('ShareLink');
export type ShareLink = z.infer<typeof ShareLink>;

export const CreatedShareLink = ShareLink.extend({
  url: z.string().describe('The public address. Shown only now: the server keeps only a hash of its token.'),
}).openapi('CreatedShareLink');
export type CreatedShareLink = z.infer<typeof CreatedShareLink>;

export const ShareLinkList = z.object({ shareLinks: z.array(ShareLink) }).openapi('ShareLinkList');

/**
 * Comments on items, initiatives and PRDs (Markdown, rendered by the web's one sanitising renderer),
 * watchers, and each user's notifications (mentions, comments on what they watch).
 */

import { COMMENT_LIMITS } from './comment-limits.ts';
import { Id, requiredText, Timestamp, z } from './common.ts';

export const CommentEntityType = z
  .enum(['item', 'initiative', 'prd'])
  .describe('What a comment belongs to.')
  .openapi('CommentEntityType');
export type CommentEntityType = z.infer<typeof CommentEntityType>;

export const CommentInput = z
  .object({
    body: requiredText(COMMENT_LIMITS.body).describe(
      'Markdown. `@Name` or `@email` of a member of the product mentions (and notifies) them.',
    ),
  })
  .strict()
  .openapi('CommentInput');
export type CommentInput = z.infer<typeof CommentInput>;

export const CommentAuthor = z
  .object({ id: Id.nullable(), name: z.string().describe('The user, or the original author of an import.') })
  .openapi('CommentAuthor');

export const Comment = z
  .object({
    id: Id,
    productId: Id,
    entityType: CommentEntityType,
    entityId: Id,
    author: CommentAuthor.nullable().describe('Null for an imported comment without an author.'),
    /** Markdown. Deleted comments are listed (with ?trashed=true) only to their author, owners and admins. */
    body: z.string().describe('Markdown (render it through the sanitising renderer, never as HTML).'),
    canEdit: z
      .boolean()
      .describe('Whether the caller may edit or delete it (its author; owners and admins).'),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    editedAt: Timestamp.nullable().describe('When the body was last edited; null: never.'),
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Comment');
export type Comment = z.infer<typeof Comment>;

export const CommentList = z
  .object({
    comments: z.array(Comment).describe(`Oldest first, at most ${COMMENT_LIMITS.commentsPerPage}.`),
    total: z.number().int().describe('Live comments on the object.'),
    watching: z.boolean().describe('Whether the caller watches the object.'),
    canComment: z
      .boolean()
      .describe('Whether the caller may comment (viewers only when the product allows).'),
  })
  .openapi('CommentList');
export type CommentList = z.infer<typeof CommentList>;

export const ListCommentsQuery = z.object({
  trashed: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: the trashed comments the caller may restore.'),
});

export const WatchState = z.object({ watching: z.boolean() }).openapi('WatchState');

export const NotificationKind = z.enum(['mention', 'comment']).openapi('NotificationKind');

export const Notification = z
  .object({
    id: Id,
    kind: NotificationKind.describe('mention: the comment mentions you; comment: on something you watch.'),
    productId: Id,
    productKey: z.string(),
    entityType: CommentEntityType,
    entityId: Id,
    entityLabel: z
      .string()
      .describe('The object as a person names it: "CAI-42 Title", an initiative\'s title.'),
    itemKey: z.string().nullable().describe("An item's key (CAI-42); null for initiatives and PRDs."),
    commentId: Id.nullable(),
    actor: CommentAuthor.nullable(),
    excerpt: z.string().describe("The start of the comment's Markdown (empty when it was deleted)."),
    createdAt: Timestamp,
    readAt: Timestamp.nullable(),
  })
  .openapi('Notification');
export type Notification = z.infer<typeof Notification>;

export const ListNotificationsQuery = z.object({
  unread: z.enum(['true', 'false']).optional().describe('true: only unread ones.'),
  cursor: z
    .string()
    .uuid('must be a nextCursor this API returned')
    .optional()
    .describe('The nextCursor of the page before.'),
});

export const NotificationList = z
  .object({
    notifications: z
      .array(Notification)
      .describe(`Newest first, at most ${COMMENT_LIMITS.notificationsPerPage}.`),
    nextCursor: Id.nullable(),
    unread: z.number().int().describe('All unread notifications of the caller.'),
  })
  .openapi('NotificationList');
export type NotificationList = z.infer<typeof NotificationList>;

export const UnreadCount = z.object({ unread: z.number().int() }).openapi('UnreadCount');

export const MarkReadInput = z
  .object({
    ids: z
      .array(Id)
      .max(COMMENT_LIMITS.readIds, `must list at most ${COMMENT_LIMITS.readIds} ids`)
      .optional()
      .describe('The notifications to mark read.'),
    all: z.literal(true).optional().describe('Marks every notification of the caller read.'),
  })
  .strict()
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), {
    message: 'give either ids or all: true',
    path: ['ids'],
  })
  .openapi('MarkReadInput');
export type MarkReadInput = z.infer<typeof MarkReadInput>;

export const CommentSettings = z
  .object({
    viewersMayComment: z.boolean().describe("Whether the product's viewers may comment (off by default)."),
    version: z.number().int(),
  })
  .openapi('CommentSettings');
export type CommentSettings = z.infer<typeof CommentSettings>;

export const UpdateCommentSettingsInput = z
  .object({ viewersMayComment: z.boolean() })
  .strict()
  .openapi('UpdateCommentSettingsInput');
export type UpdateCommentSettingsInput = z.infer<typeof UpdateCommentSettingsInput>;

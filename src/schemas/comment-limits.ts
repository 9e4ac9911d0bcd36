/** Limits of comments and notifications, as plain numbers (no zod): the schemas and the web read them. */
export const COMMENT_LIMITS = {
  /** Characters of a comment's body (Markdown). */
  body: 20_000,
  /** Members one comment may mention; mentions beyond are plain text. */
  mentions: 50,
  /** Comments one list answer holds at most (the oldest first). */
  commentsPerPage: 200,
  /** Notifications one list answer holds at most (the newest first). */
  notificationsPerPage: 50,
  /** Notification ids one "mark read" may name. */
  readIds: 200,
  /** Comments one object may hold: a cap on the work of listing and notifying. */
  commentsPerObject: 5_000,
  /** Watchers notified of one comment, at most. */
  watchersNotified: 500,
} as const;

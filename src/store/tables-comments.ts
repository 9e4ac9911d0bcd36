/** The tables of comments, watchers and notifications (migration 017). Part of store/tables.ts's `Tables`. */

/** What a comment may be attached to. */
export type CommentEntityType = 'item' | 'initiative' | 'prd';

/** A Markdown comment on an item, initiative or PRD; `deleted_at` set: in the trash, restorable. */
export interface CommentsTable {
  id: string;
  product_id: string;
  entity_type: CommentEntityType;
  entity_id: string;
  /** The user who wrote it; null for an imported comment. */
  author_id: string | null;
  /** The original author's name of an imported comment (null for comments written here). */
  author_name: string | null;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
  /** When the body was last edited (null: never). */
  edited_at: string | null;
  deleted_at: string | null;
}

/** A user who hears of new comments on an object. */
export interface WatchersTable {
  user_id: string;
  entity_type: CommentEntityType;
  entity_id: string;
  product_id: string;
  created_at: string;
}

/** One entry of a user's in-app notification list. */
export interface NotificationsTable {
  id: string;
  user_id: string;
  product_id: string;
  kind: 'mention' | 'comment';
  entity_type: CommentEntityType;
  entity_id: string;
  comment_id: string | null;
  actor_id: string | null;
  created_at: string;
  read_at: string | null;
}

/** A product's comment settings; a product without a row has the defaults (viewers may not comment). */
export interface CommentSettingsTable {
  product_id: string;
  /** 0/1. */
  viewers_may_comment: number;
  version: number;
  updated_at: string;
}

export type CommentRow = CommentsTable;
export type NotificationRow = NotificationsTable;

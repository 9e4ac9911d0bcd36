/**
 * An item's statuses in their flow order: the one list the schemas, the charts, the store's types and the
 * web's menus and board columns read.
 */
export const ITEM_STATUSES = ['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do'] as const;

export type ItemStatusName = (typeof ITEM_STATUSES)[number];

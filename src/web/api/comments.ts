/** Comments, watching and notifications over the API. Types from schema.gen.ts. */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type CommentT = Schemas['Comment'];
export type CommentListT = Schemas['CommentList'];
export type CommentEntityT = Schemas['CommentEntityType'];
export type NotificationT = Schemas['Notification'];
export type NotificationListT = Schemas['NotificationList'];

/** The object a comment thread belongs to. */
export interface CommentSubject {
  entityType: CommentEntityT;
  /** The object's id (an item's key also works). */
  id: string;
  /**
   * An item's key: its thread is read by key, the path the inline boot script asks for at an item's
   * address (boot/first-reads.ts), so the comments arrive with the item instead of after the app starts.
   */
  key?: string | undefined;
}

const list = ({ entityType, id, key }: CommentSubject, signal?: AbortSignal) => {
  if (entityType === 'item') {
    const idOrKey = key ?? id;
    return ok(client.GET('/items/{idOrKey}/comments', { params: { path: { idOrKey } }, signal }));
  }
  if (entityType === 'initiative') {
    return ok(client.GET('/initiatives/{id}/comments', { params: { path: { id } }, signal }));
  }
  return ok(client.GET('/prds/{id}/comments', { params: { path: { id } }, signal }));
};

const create = ({ entityType, id }: CommentSubject, body: string) => {
  if (entityType === 'item') {
    return ok(
      client.POST('/items/{idOrKey}/comments', { params: { path: { idOrKey: id } }, body: { body } }),
    );
  }
  if (entityType === 'initiative') {
    return ok(client.POST('/initiatives/{id}/comments', { params: { path: { id } }, body: { body } }));
  }
  return ok(client.POST('/prds/{id}/comments', { params: { path: { id } }, body: { body } }));
};

const watch = ({ entityType, id }: CommentSubject, watching: boolean) => {
  if (entityType === 'item') {
    const params = { params: { path: { idOrKey: id } } };
    return ok(
      watching
        ? client.PUT('/items/{idOrKey}/watch', params)
        : client.DELETE('/items/{idOrKey}/watch', params),
    );
  }
  const params = { params: { path: { id } } };
  if (entityType === 'initiative') {
    return ok(
      watching
        ? client.PUT('/initiatives/{id}/watch', params)
        : client.DELETE('/initiatives/{id}/watch', params),
    );
  }
  return ok(watching ? client.PUT('/prds/{id}/watch', params) : client.DELETE('/prds/{id}/watch', params));
};

export const commentsApi = {
  list,
  create,
  watch,
  /** Saves an edit made from `version` (the server answers 412 if the comment changed since). */
  update: (id: string, body: string, version: number) =>
    ok(
      client.PATCH('/comments/{id}', { params: { path: { id } }, body: { body }, headers: ifMatch(version) }),
    ),
  remove: (id: string) => ok(client.DELETE('/comments/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/comments/{id}/restore', { params: { path: { id } } })),
  settings: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/comment-settings', { params: { path: { productId } }, signal })),
  updateSettings: (productId: string, viewersMayComment: boolean) =>
    ok(
      client.PATCH('/products/{productId}/comment-settings', {
        params: { path: { productId } },
        body: { viewersMayComment },
      }),
    ),
};

export const notificationsApi = {
  list: (unreadOnly: boolean, signal?: AbortSignal) =>
    ok(client.GET('/notifications', { params: { query: unreadOnly ? { unread: 'true' } : {} }, signal })),
  unreadCount: (signal?: AbortSignal) =>
    ok(client.GET('/notifications/unread-count', { signal })).then((body) => body.unread),
  markRead: (ids: string[]) => ok(client.POST('/notifications/read', { body: { ids } })),
  markAllRead: () => ok(client.POST('/notifications/read', { body: { all: true } })),
};

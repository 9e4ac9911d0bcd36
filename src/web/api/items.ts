/**
 * Items over the API: one item, its history, the product's backlog, and the writes the backlog, the item
 * panel and the board make. Types come from the OpenAPI document (schema.gen.ts).
 */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
type EventT = Schemas['Event'];
export type UpdateItemBody = Schemas['UpdateItemInput'];
export type CreateItemBody = Schemas['CreateItemInput'];
export type BulkUpdateBody = Schemas['BulkUpdateItemsInput'];
export type MoveItemBody = Schemas['MoveItemInput'];

export const itemsApi = {
  /** The full item by its id or key (CHK-42). */
  get: (idOrKey: string, signal?: AbortSignal) =>
    ok(client.GET('/items/{idOrKey}', { params: { path: { idOrKey } }, signal })),
  /** Saves a change; with `version`, the server answers 412 if someone saved since. */
  update: (id: string, patch: UpdateItemBody, version?: number) =>
    ok(
      client.PATCH('/items/{idOrKey}', {
        params: { path: { idOrKey: id } },
        body: patch,
        headers: version === undefined ? {} : ifMatch(version),
      }),
    ),
  move: (id: string, placement: MoveItemBody) =>
    ok(client.POST('/items/{idOrKey}/move', { params: { path: { idOrKey: id } }, body: placement })),
  create: (productId: string, input: CreateItemBody) =>
    ok(client.POST('/products/{productId}/items', { params: { path: { productId } }, body: input })),
  /** Changes many items in one transaction: all are saved, or none. */
  bulkUpdate: (productId: string, change: BulkUpdateBody) =>
    ok(
      client.POST('/products/{productId}/items/bulk-update', {
        params: { path: { productId } },
        body: change,
      }),
    ),
  trash: (id: string) => ok(client.DELETE('/items/{idOrKey}', { params: { path: { idOrKey: id } } })),
  restore: (id: string) => ok(client.POST('/items/{idOrKey}/restore', { params: { path: { idOrKey: id } } })),
  /** The item's events, oldest first. */
  history: (id: string, signal?: AbortSignal): Promise<EventT[]> =>
    ok(client.GET('/items/{idOrKey}/history', { params: { path: { idOrKey: id } }, signal })).then((body) =>
      body.events.map(withChangePairs),
    ),
};

export const backlogApi = {
  /** A product's live items in rank order (by its id or key); `limit`: only the first ones. */
  get: (product: string, limit?: number) =>
    ok(
      client.GET('/products/{productId}/backlog', {
        params: { path: { productId: product }, query: limit === undefined ? {} : { limit } },
      }),
    ),
};

/**
 * An event with its changes as `[before, after]` pairs. The document and schema.gen.ts say pairs, but
 * openapi-fetch's answer types turn every tuple into an array; the pairs are rebuilt, not cast.
 */
function withChangePairs(event: { changes: Record<string, unknown[]> } & Omit<EventT, 'changes'>): EventT {
  const changes: EventT['changes'] = {};
  for (const [field, [before, after]] of Object.entries(event.changes)) changes[field] = [before, after];
  return { ...event, changes };
}

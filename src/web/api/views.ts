/**
 * Saved backlog views over the API: a named BacklogFilterSet shared by a product's members. Types inferred
 * from the server's schemas (type-only imports: no schema code reaches the bundle).
 */
import type { z } from 'zod';
import type { BacklogFilterSet, SavedView } from '../../schemas/view.ts';
import { client, ifMatch, ok } from './client.ts';

/** A view as the API describes it: filters the server leaves at their defaults may be absent. */
export type SavedViewT = z.input<typeof SavedView>;
/** Filters as sent: every field, defaults included. */
export type BacklogFilterSetT = z.infer<typeof BacklogFilterSet>;

export const viewsApi = {
  list: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/views', { params: { path: { productId } }, signal })).then(
      (body) => body.views,
    ),
  create: (productId: string, name: string, filters: BacklogFilterSetT) =>
    ok(
      client.POST('/products/{productId}/views', {
        params: { path: { productId } },
        body: { name, filters },
      }),
    ),
  /** Saves a change made from `view.version` (the server answers 412 if the view moved since). */
  update: (view: Pick<SavedViewT, 'id' | 'version'>, patch: { name?: string; filters?: BacklogFilterSetT }) =>
    ok(
      client.PATCH('/views/{id}', {
        params: { path: { id: view.id } },
        body: patch,
        headers: ifMatch(view.version),
      }),
    ),
  /** Moves the view to the trash; `restore` brings it back. */
  remove: (id: string) => ok(client.DELETE('/views/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/views/{id}/restore', { params: { path: { id } } })),
};

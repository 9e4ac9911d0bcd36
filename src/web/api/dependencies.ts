/** An item's dependencies over the API: on other items and on things outside the product. */
import { client, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type NewDependency = Schemas['CreateDependencyInput'];
export type NewExternalDependency = Schemas['CreateExternalDependencyInput'];
export type ExternalDependencyPatch = Schemas['UpdateExternalDependencyInput'];

export const dependenciesApi = {
  /** What the item waits for and what waits for it, and its external dependencies. */
  ofItem: (itemId: string, signal?: AbortSignal) =>
    ok(client.GET('/items/{idOrKey}/dependencies', { params: { path: { idOrKey: itemId } }, signal })),
  add: (itemId: string, input: NewDependency) =>
    ok(client.POST('/items/{idOrKey}/dependencies', { params: { path: { idOrKey: itemId } }, body: input })),
  remove: (id: string) => ok(client.DELETE('/dependencies/{id}', { params: { path: { id } } })),
  addExternal: (itemId: string, input: NewExternalDependency) =>
    ok(
      client.POST('/items/{idOrKey}/external-dependencies', {
        params: { path: { idOrKey: itemId } },
        body: input,
      }),
    ),
  updateExternal: (id: string, patch: ExternalDependencyPatch) =>
    ok(client.PATCH('/external-dependencies/{id}', { params: { path: { id } }, body: patch })),
  removeExternal: (id: string) =>
    ok(client.DELETE('/external-dependencies/{id}', { params: { path: { id } } })),
};

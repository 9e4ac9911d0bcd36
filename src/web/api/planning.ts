/** Initiatives, themes and objectives over the API: the roadmap's objects. */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type NewInitiative = Schemas['CreateInitiativeInput'];
export type InitiativePatch = Schemas['UpdateInitiativeInput'];
export type NewTheme = Schemas['CreateThemeInput'];
export type NewObjective = Schemas['CreateObjectiveInput'];

export const initiativesApi = {
  list: (productId: string) =>
    ok(client.GET('/products/{productId}/initiatives', { params: { path: { productId } } })).then(
      (body) => body.initiatives,
    ),
  get: (id: string) => ok(client.GET('/initiatives/{id}', { params: { path: { id } } })),
  create: (productId: string, input: NewInitiative) =>
    ok(client.POST('/products/{productId}/initiatives', { params: { path: { productId } }, body: input })),
  /** Saves a change against `version`: the server answers 412 if someone saved since. */
  update: (id: string, patch: InitiativePatch, version: number) =>
    ok(
      client.PATCH('/initiatives/{id}', { params: { path: { id } }, body: patch, headers: ifMatch(version) }),
    ),
  trash: (id: string) => ok(client.DELETE('/initiatives/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/initiatives/{id}/restore', { params: { path: { id } } })),
};

export const themesApi = {
  list: (productId: string) =>
    ok(client.GET('/products/{productId}/themes', { params: { path: { productId } } })).then(
      (body) => body.themes,
    ),
  create: (productId: string, input: NewTheme) =>
    ok(client.POST('/products/{productId}/themes', { params: { path: { productId } }, body: input })),
};

export const objectivesApi = {
  list: (productId: string) =>
    ok(client.GET('/products/{productId}/objectives', { params: { path: { productId } } })).then(
      (body) => body.objectives,
    ),
  create: (productId: string, input: NewObjective) =>
    ok(client.POST('/products/{productId}/objectives', { params: { path: { productId } }, body: input })),
};

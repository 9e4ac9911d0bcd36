/** A product's cadences, its process profile, and the trace a grooming session leaves, over the API. */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type CadencesT = Schemas['Cadences'];
export type CadenceEntryT = Schemas['CadenceEntry'];
export type CadenceEveryT = Schemas['CadenceEvery'];
export type ProcessT = Schemas['Process'];
export type ProcessProfileT = Schemas['ProcessProfile'];
export type CadencesInput = Schemas['UpdateCadencesInput'];

const inProduct = (productId: string) => ({ params: { path: { productId } } });

export const cadencesApi = {
  get: (productId: string) => ok(client.GET('/products/{productId}/cadences', inProduct(productId))),
  update: (productId: string, input: CadencesInput, version: number) =>
    ok(
      client.PUT('/products/{productId}/cadences', {
        ...inProduct(productId),
        body: input,
        headers: ifMatch(version),
      }),
    ),
  process: (productId: string) => ok(client.GET('/products/{productId}/process', inProduct(productId))),
  setProfile: (productId: string, profile: ProcessProfileT, version: number) =>
    ok(
      client.PUT('/products/{productId}/process', {
        ...inProduct(productId),
        body: { profile },
        headers: ifMatch(version),
      }),
    ),
  /** Tells the server a grooming session ended: the backlog grooming cadence counts it as done. */
  recordGroomingSession: (productId: string, counts: { seen: number; changed: number }) =>
    ok(client.POST('/products/{productId}/grooming-sessions', { ...inProduct(productId), body: counts })),
};

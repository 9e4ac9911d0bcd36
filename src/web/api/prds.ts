/** PRDs over the API: lists, one PRD, its gaps, and the writes its screen makes. Types from schema.gen.ts. */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type PrdT = Schemas['Prd'];
export type PrdSummaryT = Schemas['PrdSummary'];
export type PrdGapsT = Schemas['PrdGaps'];
export type UpdatePrdBody = Schemas['UpdatePrdInput'];
export type CreatePrdBody = Schemas['CreatePrdInput'];

export const prdsApi = {
  list: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/prds', { params: { path: { productId } }, signal })).then(
      (body) => body.prds,
    ),
  /** The PRDs in the trash, most recently deleted first. */
  trashed: (productId: string, signal?: AbortSignal) =>
    ok(
      client.GET('/products/{productId}/prds', {
        params: { path: { productId }, query: { trashed: 'true' } },
        signal,
      }),
    ).then((body) => body.prds),
  ofInitiative: (initiativeId: string, signal?: AbortSignal) =>
    ok(client.GET('/initiatives/{id}/prds', { params: { path: { id: initiativeId } }, signal })).then(
      (body) => body.prds,
    ),
  get: (id: string, signal?: AbortSignal) =>
    ok(client.GET('/prds/{id}', { params: { path: { id } }, signal })),
  gaps: (id: string, signal?: AbortSignal) =>
    ok(client.GET('/prds/{id}/gaps', { params: { path: { id } }, signal })),
  createInProduct: (productId: string, body: CreatePrdBody) =>
    ok(client.POST('/products/{productId}/prds', { params: { path: { productId } }, body })),
  createForInitiative: (initiativeId: string, body: CreatePrdBody) =>
    ok(client.POST('/initiatives/{id}/prds', { params: { path: { id: initiativeId } }, body })),
  /** Saves a change made from `version` (the server answers 412 if the PRD moved since). */
  update: (id: string, patch: UpdatePrdBody, version: number) =>
    ok(client.PATCH('/prds/{id}', { params: { path: { id } }, body: patch, headers: ifMatch(version) })),
  review: (id: string, decision: 'approved' | 'changes_requested') =>
    ok(client.POST('/prds/{id}/review', { params: { path: { id } }, body: { decision } })),
  trash: (id: string) => ok(client.DELETE('/prds/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/prds/{id}/restore', { params: { path: { id } } })),
};

/** The export addresses the screen links to (opened by the browser with the session cookie). */
export const prdExportUrls = (id: string) => ({
  markdown: `/api/v1/prds/${encodeURIComponent(id)}/export.md`,
  html: `/api/v1/prds/${encodeURIComponent(id)}/export.html`,
});

/**
 * The roadmap's audience views and its share links over the API. Types come from the generated schema
 * (no schema code reaches the bundle).
 */
import { AUDIENCE_VIEWS, type AudienceViewNameT } from '../../schemas/audience-names.ts';
import { API, client, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type ExecutiveViewT = Schemas['ExecutiveRoadmapView'];
export type CustomerViewT = Schemas['CustomerRoadmapView'];
export type TeamViewT = Schemas['TeamRoadmapView'];
export type RoadmapViewT = ExecutiveViewT | CustomerViewT | TeamViewT;
export type ShareLinkT = Schemas['ShareLink'];
export type CreatedShareLinkT = Schemas['CreatedShareLink'];

export { AUDIENCE_VIEWS as AUDIENCE_VIEW_NAMES, type AudienceViewNameT };

export const audienceApi = {
  view: (productId: string, view: AudienceViewNameT, signal?: AbortSignal) =>
    ok(
      client.GET('/products/{productId}/roadmap-views/{view}', {
        params: { path: { productId, view }, query: { format: 'json' } },
        signal,
      }),
    ) as Promise<RoadmapViewT>,
  /** The address of the view's CSV download (the session cookie authenticates it). */
  csvUrl: (productId: string, view: AudienceViewNameT) =>
    `${API}/products/${encodeURIComponent(productId)}/roadmap-views/${view}.csv`,
};

export const shareLinksApi = {
  list: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/share-links', { params: { path: { productId } }, signal })).then(
      (body) => body.shareLinks,
    ),
  create: (productId: string, expiresAt: string | null) =>
    ok(
      client.POST('/products/{productId}/share-links', {
        params: { path: { productId } },
        body: { view: 'customer', expiresAt },
      }),
    ),
  revoke: (id: string) => ok(client.DELETE('/share-links/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/share-links/{id}/restore', { params: { path: { id } } })),
};

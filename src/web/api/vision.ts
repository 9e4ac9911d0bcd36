/** A product's vision over the API: its draft, publishing, versions and diffs. */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type VisionDraftT = Schemas['VisionDraft'];
export type VisionVersionT = Schemas['VisionVersion'];
export type VisionDiffT = Schemas['VisionDiff'];
export type VisionInput = Schemas['UpdateVisionInput'];

const inProduct = (productId: string) => ({ params: { path: { productId } } });

export const visionApi = {
  draft: (productId: string) => ok(client.GET('/products/{productId}/vision', inProduct(productId))),
  /** Saves the draft against `version`: the server answers 412 if someone saved since. */
  save: (productId: string, input: VisionInput, version: number) =>
    ok(
      client.PUT('/products/{productId}/vision', {
        ...inProduct(productId),
        body: input,
        headers: ifMatch(version),
      }),
    ),
  trash: (productId: string) => ok(client.DELETE('/products/{productId}/vision', inProduct(productId))),
  restore: (productId: string) =>
    ok(client.POST('/products/{productId}/vision/restore', inProduct(productId))),
  publish: (productId: string) =>
    ok(client.POST('/products/{productId}/vision/publish', inProduct(productId))),
  versions: (productId: string) =>
    ok(client.GET('/products/{productId}/vision/versions', inProduct(productId))).then(
      (body) => body.versions,
    ),
  diff: (productId: string, from: string, to: string) =>
    ok(
      client.GET('/products/{productId}/vision/diff', {
        params: { path: { productId }, query: { from, to } },
      }),
    ),
};

/**
 * Releases and their notes: typed calls for the release screens, and the addresses of the published notes
 * (Markdown, HTML) and the product's Atom feed.
 */
import type { z } from 'zod';
import type {
  CreateReleaseInput,
  Release,
  ReleaseDetail,
  UpdateReleaseInput,
} from '../../schemas/release.ts';
import { client, ifMatch, ok } from './client.ts';
import type { ProductT } from './types.ts';

export type ReleaseT = z.infer<typeof Release>;
export type ReleaseStateT = ReleaseT['state'];
/** GET /releases/{id}: the release and its live items in rank order. */
export type ReleaseDetailT = z.infer<typeof ReleaseDetail>;
export type NewRelease = Partial<z.input<typeof CreateReleaseInput>> & { name: string };
export type ReleasePatch = UpdateReleaseInput;

export const RELEASE_STATE_LABELS: Record<ReleaseStateT, string> = {
  planned: 'Planned',
  released: 'Released',
  cancelled: 'Cancelled',
};

export async function listReleases(productId: string, signal?: AbortSignal): Promise<ReleaseT[]> {
  const result = await ok(
    client.GET('/products/{productId}/releases', { params: { path: { productId } }, signal }),
  );
  return result.releases;
}

export function getRelease(id: string, signal?: AbortSignal): Promise<ReleaseDetailT> {
  return ok(client.GET('/releases/{id}', { params: { path: { id } }, signal }));
}

export function createRelease(productId: string, input: NewRelease): Promise<ReleaseT> {
  return ok(client.POST('/products/{productId}/releases', { params: { path: { productId } }, body: input }));
}

/** Saves a change; `version` is the one the change was made from (the server answers 412 if it moved). */
export function updateRelease(id: string, patch: ReleasePatch, version: number): Promise<ReleaseT> {
  return ok(
    client.PATCH('/releases/{id}', { params: { path: { id } }, body: patch, headers: ifMatch(version) }),
  );
}

export function deleteRelease(id: string): Promise<ReleaseT> {
  return ok(client.DELETE('/releases/{id}', { params: { path: { id } } }));
}

/** Replaces the draft with notes generated from the release's done items (412 if `version` is stale). */
export function generateNotes(id: string, version: number): Promise<ReleaseT> {
  return ok(
    client.POST('/releases/{id}/notes/generate', { params: { path: { id } }, headers: ifMatch(version) }),
  );
}

/** Publishes the draft (a planned release becomes released). */
export function publishNotes(id: string, version: number): Promise<ReleaseT> {
  return ok(
    client.POST('/releases/{id}/notes/publish', { params: { path: { id } }, headers: ifMatch(version) }),
  );
}

/**
 * Makes the product's published notes public or not. Sent against the version shown: if someone changed
 * the product meanwhile, the server answers 412 instead of overwriting their change.
 */
export function setReleaseNotesPublic(
  product: Pick<ProductT, 'id' | 'version'>,
  releaseNotesPublic: boolean,
): Promise<ProductT> {
  return ok(
    client.PATCH('/products/{productId}', {
      params: { path: { productId: product.id } },
      body: { releaseNotesPublic },
      headers: ifMatch(product.version),
    }),
  );
}

/** The product's Atom feed of published notes (public only when the product says so). */
export function feedPath(productKey: string): string {
  return `/feeds/${productKey}/releases.atom`;
}

/** The published notes of one release as a page or as Markdown, outside the API (shareable). */
export function publishedNotesPath(productKey: string, releaseId: string, format: 'html' | 'md'): string {
  return `/feeds/${productKey}/releases/${releaseId}.${format}`;
}

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
import { api } from './client.ts';
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
  const result = await api.get<{ releases: ReleaseT[] }>(
    `/products/${productId}/releases`,
    signal ? { signal } : {},
  );
  return result.releases;
}

export function getRelease(id: string, signal?: AbortSignal): Promise<ReleaseDetailT> {
  return api.get<ReleaseDetailT>(`/releases/${id}`, signal ? { signal } : {});
}

export function createRelease(productId: string, input: NewRelease): Promise<ReleaseT> {
  return api.post<ReleaseT>(`/products/${productId}/releases`, input);
}

/** Saves a change; `version` is the one the change was made from (the server answers 412 if it moved). */
export function updateRelease(id: string, patch: ReleasePatch, version: number): Promise<ReleaseT> {
  return api.patch<ReleaseT>(`/releases/${id}`, patch, { ifMatch: version });
}

export function deleteRelease(id: string): Promise<ReleaseT> {
  return api.delete<ReleaseT>(`/releases/${id}`);
}

/** Replaces the draft with notes generated from the release's done items (412 if `version` is stale). */
export function generateNotes(id: string, version: number): Promise<ReleaseT> {
  return api.post<ReleaseT>(`/releases/${id}/notes/generate`, undefined, { ifMatch: version });
}

/** Publishes the draft (a planned release becomes released). */
export function publishNotes(id: string, version: number): Promise<ReleaseT> {
  return api.post<ReleaseT>(`/releases/${id}/notes/publish`, undefined, { ifMatch: version });
}

/**
 * Makes the product's published notes public or not. Sent against the version shown: if someone changed
 * the product meanwhile, the server answers 412 instead of overwriting their change.
 */
export function setReleaseNotesPublic(
  product: Pick<ProductT, 'id' | 'version'>,
  releaseNotesPublic: boolean,
): Promise<ProductT> {
  return api.patch<ProductT>(`/products/${product.id}`, { releaseNotesPublic }, { ifMatch: product.version });
}

/** The product's Atom feed of published notes (public only when the product says so). */
export function feedPath(productKey: string): string {
  return `/feeds/${productKey}/releases.atom`;
}

/** The published notes of one release as a page or as Markdown, outside the API (shareable). */
export function publishedNotesPath(productKey: string, releaseId: string, format: 'html' | 'md'): string {
  return `/feeds/${productKey}/releases/${releaseId}.${format}`;
}

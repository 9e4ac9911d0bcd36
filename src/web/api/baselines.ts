/**
 * Roadmap baselines, their diff and the roadmap's changelog over the API. Types come from the generated
 * schema (no schema code reaches the bundle).
 */
import { client, ifMatch, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type BaselineSummaryT = Schemas['RoadmapBaselineSummary'];
export type BaselineT = Schemas['RoadmapBaseline'];
export type RoadmapDiffT = Schemas['RoadmapDiff'];
export type FieldChangeT = RoadmapDiffT['changes'][number];
export type RoadmapChangelogT = Schemas['RoadmapChangelog'];
export type AnnouncementT = RoadmapChangelogT['announcements'][number];
export type UnannouncedPivotT = RoadmapChangelogT['unannounced'][number];
/** What a pivot's save carries besides the change. */
export interface AnnouncementWords {
  announcement: string;
  publicAnnouncement?: string;
}

export const baselinesApi = {
  list: (productId: string, signal?: AbortSignal) =>
    ok(
      client.GET('/products/{productId}/roadmap-baselines', { params: { path: { productId } }, signal }),
    ).then((body) => body.roadmapBaselines),
  create: (productId: string, name: string) =>
    ok(
      client.POST('/products/{productId}/roadmap-baselines', {
        params: { path: { productId } },
        body: { name },
      }),
    ),
  rename: (baseline: Pick<BaselineSummaryT, 'id' | 'version'>, name: string) =>
    ok(
      client.PATCH('/roadmap-baselines/{id}', {
        params: { path: { id: baseline.id } },
        body: { name },
        headers: ifMatch(baseline.version),
      }),
    ),
  remove: (id: string) => ok(client.DELETE('/roadmap-baselines/{id}', { params: { path: { id } } })),
  restore: (id: string) => ok(client.POST('/roadmap-baselines/{id}/restore', { params: { path: { id } } })),
  /** What changed since the baseline: `now`, or another baseline's id. */
  diff: (id: string, against: string, signal?: AbortSignal) =>
    ok(
      client.GET('/roadmap-baselines/{id}/diff', {
        params: { path: { id }, query: { against } },
        signal,
      }),
    ),
  /** Announces a change made earlier without words (an unannounced pivot's event). */
  announce: (initiativeId: string, eventId: number, words: AnnouncementWords) =>
    ok(
      client.POST('/initiatives/{id}/announcements', {
        params: { path: { id: initiativeId } },
        body: { eventId, ...words },
      }),
    ),
  /** Edits an announcement's words; a stale version is refused (412). */
  editAnnouncement: (
    announcement: Pick<AnnouncementT, 'id' | 'version'>,
    words: { announcement?: string; publicAnnouncement?: string | null },
  ) =>
    ok(
      client.PATCH('/roadmap-announcements/{id}', {
        params: { path: { id: announcement.id } },
        body: words,
        headers: ifMatch(announcement.version),
      }),
    ),
  removeAnnouncement: (id: string) =>
    ok(client.DELETE('/roadmap-announcements/{id}', { params: { path: { id } } })),
  restoreAnnouncement: (id: string) =>
    ok(client.POST('/roadmap-announcements/{id}/restore', { params: { path: { id } } })),
  changelog: (productId: string, signal?: AbortSignal) =>
    ok(client.GET('/products/{productId}/roadmap-changelog', { params: { path: { productId } }, signal })),
};

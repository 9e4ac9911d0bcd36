/**
 * The product's trashed artifacts besides its plan: PRDs, story maps, revoked share links, the vision
 * draft and roadmap announcements — each presented as its own routes present it (a share link never
 * carries its token or hash; those are not in its presenter).
 */
import { parsePrd, presentPrdSummary } from '../../presenters/prd-present.ts';
import type { PrdSummary } from '../../schemas/prd.ts';
import type { ShareLink } from '../../schemas/share-link.ts';
import type { StoryMapSummary } from '../../schemas/story-map.ts';
import type { VisionDraftT } from '../../schemas/vision.ts';
import type { Db } from '../../store/database.ts';
import type { ShareLinkRow, StoryMapRow } from '../../store/tables.ts';
import type { PrdRow } from '../../store/tables-prds.ts';
import { trashedAnnouncements } from '../baselines/announcement-edits.ts';
import type { RoadmapAnnouncement } from '../baselines/changelog.ts';
import { userNames } from '../prds/prd-store.ts';
import { presentShareLink } from '../share-links/share-links.ts';
import { presentStoryMapSummary } from '../story-maps/story-map-access.ts';
import { presentDraft, textOf } from '../vision/vision-draft.ts';

export interface TrashedArtifacts {
  prds: PrdSummary[];
  storyMaps: StoryMapSummary[];
  shareLinks: ShareLink[];
  /** The vision draft when it is in the trash (0 or 1), with the text a restore brings back. */
  visionDrafts: VisionDraftT[];
  roadmapAnnouncements: RoadmapAnnouncement[];
}

type ArtifactTable = 'prds' | 'story_maps' | 'share_links';
interface ArtifactRows {
  prds: PrdRow;
  story_maps: StoryMapRow;
  share_links: ShareLinkRow;
}

/**
 * The trashed rows of one table, newest first. Typed as `prds` for the shared columns it filters on
 * (product_id, deleted_at, id — present in all three), as list-trash.ts does for the plan's tables.
 */
function trashed<T extends ArtifactTable>(
  db: Db,
  table: T,
  productId: string,
  limit: number,
): Promise<ArtifactRows[T][]> {
  return db
    .selectFrom(table as 'prds')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is not', null)
    .orderBy('deleted_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute() as Promise<ArtifactRows[T][]>;
}

/** At most `limit` of each kind (the draft is one row). Callers check access. */
export async function listTrashedArtifacts(
  db: Db,
  productId: string,
  limit: number,
): Promise<TrashedArtifacts> {
  const prds = await trashed(db, 'prds', productId, limit);
  const names = await userNames(
    db,
    prds.flatMap((row) => parsePrd(row).reviewers.map((r) => r.userId)),
  );
  const storyMaps = await trashed(db, 'story_maps', productId, limit);
  const shareLinks = await trashed(db, 'share_links', productId, limit);
  const draft = await db
    .selectFrom('vision_drafts')
    .selectAll()
    .where('product_id', '=', productId)
    .where('deleted_at', 'is not', null)
    .executeTakeFirst();
  return {
    prds: prds.map((row) => presentPrdSummary(row, names)),
    storyMaps: storyMaps.map(presentStoryMapSummary),
    shareLinks: shareLinks.map(presentShareLink),
    // The draft's own presenter reads a trashed draft as empty (GET /vision); the trash shows what it holds.
    visionDrafts: draft ? [{ ...presentDraft(draft), ...textOf(draft) }] : [],
    roadmapAnnouncements: await trashedAnnouncements(db, productId, limit),
  };
}

/**
 * Pure helpers of the release screens: finding items to add by key or title, when a draft holds edits a
 * regeneration would lose, the question before publishing the notes of a release not shipped, and dates as
 * people read them.
 */
import { RELEASE_STATE_LABELS, type ReleaseT } from '../../api/releases.ts';
import type { BacklogItemT } from '../../api/types.ts';

/** Items matching every word of `text` in their key or title, not already in the release; best first. */
export function findItemsToAdd(
  items: readonly BacklogItemT[],
  text: string,
  releaseId: string,
  limit = 8,
): BacklogItemT[] {
  const words = text.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const exactKey = text.trim().toUpperCase();
  const found: BacklogItemT[] = [];
  for (const item of items) {
    if (item.releaseId === releaseId) continue;
    const haystack = `${item.key} ${item.title}`.toLowerCase();
    if (words.every((word) => haystack.includes(word))) found.push(item);
  }
  // A key typed in full comes first; then done work (what release notes are about), then rank order.
  const score = (item: BacklogItemT) => (item.key === exactKey ? 0 : item.status === 'done' ? 1 : 2);
  return found.sort((a, b) => score(a) - score(b)).slice(0, limit);
}

/**
 * Whether the saved draft may hold someone's edits: anything but a draft untouched since it was generated
 * (the release last changed when its notes were generated). Unsure means yes: regenerating asks first.
 */
export function draftMayBeEdited(
  release: Pick<ReleaseT, 'notesDraft' | 'notesGeneratedAt' | 'updatedAt'>,
): boolean {
  if (release.notesDraft.trim() === '') return false;
  return release.notesGeneratedAt === null || release.updatedAt !== release.notesGeneratedAt;
}

// Dates as the whole app writes them (components/dates.ts): one format on every screen.
export {
  formatDay as formatDate,
  formatInstant,
  formatInstantDay as formatInstantDate,
} from '../../components/dates.ts';

/** "3 of 5 items done", or "No items yet". */
export function progressText(release: Pick<ReleaseT, 'itemCount' | 'doneCount'>): string {
  if (release.itemCount === 0) return 'No items yet';
  return `${release.doneCount} of ${release.itemCount} ${release.itemCount === 1 ? 'item' : 'items'} done`;
}

/**
 * What to ask before publishing the notes of a release that has not shipped (state not `released`), or null
 * when it has: publishing is still allowed, the question names the state.
 */
export function unshippedQuestion(
  release: Pick<ReleaseT, 'name' | 'state'>,
): { title: string; detail: string } | null {
  if (release.state === 'released') return null;
  const state = RELEASE_STATE_LABELS[release.state];
  return release.state === 'cancelled'
    ? {
        title: `${release.name} was cancelled — publish its notes anyway?`,
        detail: `Its state is ${state}: customers would read notes for something that will not ship.`,
      }
    : {
        title: `${release.name} has not shipped yet — publish its notes anyway?`,
        detail: `Its state is ${state}. Publishing the notes marks it released today.`,
      };
}

/**
 * Publishes a release's draft notes: they become what the Markdown, HTML and Atom feed show (publishing
 * again replaces them and moves the feed entry's updated time). A planned release becomes released.
 */
import type { Changes } from '../../domain/changes.ts';
import type { Release } from '../../schemas/release.ts';
import { invalidField } from '../errors.ts';
import { type WriteReleaseContext, writeRelease } from './write-release.ts';

export async function publishNotes(ctx: WriteReleaseContext): Promise<Release> {
  return writeRelease(ctx, async (_trx, current, at) => {
    if (current.notes_draft.trim() === '') {
      throw invalidField('notesDraft', 'is empty: generate or write the notes first');
    }
    if (current.state === 'cancelled') {
      throw invalidField('state', 'is cancelled: a cancelled release has no notes to publish');
    }
    const changes: Changes = {
      notesPublishedAt: [current.notes_published_at, at],
    };
    if (current.notes_published !== current.notes_draft) {
      changes.notesPublished = [current.notes_published, current.notes_draft];
    }
    const releasing = current.state === 'planned';
    if (releasing) {
      changes.state = [current.state, 'released'];
      changes.releasedAt = [current.released_at, at];
    }
    return {
      columns: {
        notes_published: current.notes_draft,
        notes_published_at: at,
        ...(releasing && { state: 'released' as const, released_at: at }),
      },
      action: 'notes_published',
      changes,
    };
  });
}

/**
 * Changes a release's fields. Its state drives releasedAt: becoming `released` stamps it (once), leaving
 * that state clears it.
 */
import { diffFields } from '../../domain/changes.ts';
import { NO_ITEMS, presentRelease } from '../../presenters/release.ts';
import type { Release, UpdateReleaseInput } from '../../schemas/release.ts';
import { assertReleaseNameFree } from './release-name.ts';
import { type WriteReleaseContext, writeRelease } from './write-release.ts';

export async function updateRelease(
  ctx: WriteReleaseContext & { input: UpdateReleaseInput },
): Promise<Release> {
  const { input } = ctx;
  return writeRelease(ctx, async (trx, current, at) => {
    const before = presentRelease(current, NO_ITEMS);
    const state = input.state ?? before.state;
    const releasedAt = state === 'released' ? (before.releasedAt ?? at) : null;
    const changes = diffFields(before, { ...input, releasedAt });
    if (Object.keys(changes).length === 0) return null;
    if (changes.name && input.name !== undefined) {
      await assertReleaseNameFree(trx, current.product_id, input.name, current.id);
    }
    return {
      columns: {
        ...(input.name !== undefined && { name: input.name }),
        ...(input.description !== undefined && { description: input.description }),
        ...(input.targetDate !== undefined && { target_date: input.targetDate }),
        ...(input.notesDraft !== undefined && { notes_draft: input.notesDraft }),
        state,
        released_at: releasedAt,
      },
      action: 'updated',
      changes,
    };
  });
}

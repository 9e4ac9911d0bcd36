/** A release's notes as Markdown for signed-in readers: the published text, or the draft to preview it. */

import type { ServiceContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { loadRelease } from './load-release.ts';

export interface ReleaseNotes {
  releaseName: string;
  markdown: string;
  /** When the notes were published; null for a draft. */
  publishedAt: string | null;
}

export async function getReleaseNotes(
  ctx: ServiceContext & { id: string; draft: boolean },
): Promise<ReleaseNotes> {
  const release = await loadRelease(ctx.db, ctx.actor, ctx.id);
  if (ctx.draft) {
    if (release.notes_draft.trim() === '') {
      throw new AppError(
        'not_found',
        `release ${release.name} has no draft notes yet: generate or write them`,
      );
    }
    return { releaseName: release.name, markdown: release.notes_draft, publishedAt: null };
  }
  if (release.notes_published === null) {
    throw new AppError(
      'not_found',
      `release ${release.name} has no published notes yet (add ?draft=true to preview the draft)`,
    );
  }
  return {
    releaseName: release.name,
    markdown: release.notes_published,
    publishedAt: release.notes_published_at,
  };
}

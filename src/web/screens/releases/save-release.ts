/**
 * Saves a change to a release against the version on screen. If someone saved first (412), the change is
 * not applied over theirs: the user is told and the screen re-reads the release.
 */
import { ApiError } from '../../api/client.ts';
import type { ReleasePatch, ReleaseT } from '../../api/releases.ts';
import { notify } from '../../state/notices.ts';

export interface ReleaseSaver {
  release: ReleaseT;
  accept: (release: ReleaseT) => void;
  reload: () => void;
  /** Sends a change made from `release.version` (use-releases.ts: shown at once, put back if refused). */
  save: (patch: ReleasePatch, version: number) => Promise<ReleaseT>;
}

/** Resolves to the saved release, or null when the change was refused (the user has been told why). */
export async function saveRelease(
  saver: ReleaseSaver,
  patch: ReleasePatch,
  what: string,
): Promise<ReleaseT | null> {
  const { release } = saver;
  try {
    return await saver.save(patch, release.version);
  } catch (error) {
    return refused(saver, what, error);
  }
}

/** Tells the user why a change to the release was refused; a stale version re-reads the release. */
export function refused(saver: ReleaseSaver, what: string, error: unknown): null {
  if (error instanceof ApiError && error.status === 412) {
    notify({
      kind: 'error',
      message: `Someone else changed ${saver.release.name} meanwhile, so ${what} was not saved. The screen now shows their version.`,
    });
    saver.reload();
    return null;
  }
  const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
  notify({ kind: 'error', message: `${what[0]?.toUpperCase()}${what.slice(1)} was not saved: ${message}` });
  return null;
}

/**
 * A release's name (a heading turned into a field by "Rename"), target date and state; and moving it to the
 * trash. Viewers see them read-only.
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import { RELEASE_STATE_LABELS, type ReleaseStateT } from '../../api/releases.ts';
import { Dialog } from '../../components/dialog.tsx';
import { paths } from '../../routes.ts';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';
import { DateField } from '../initiatives/date-field.tsx';
import { formatDate, formatInstant, progressText } from './release-text.ts';
import { type ReleaseSaver, saveRelease } from './save-release.ts';
import { useReleaseMutations } from './use-releases.ts';

const STATES: readonly ReleaseStateT[] = ['planned', 'released', 'cancelled'];

export function ReleaseName({ saver }: { saver: ReleaseSaver }) {
  const store = useStore();
  const { release } = saver;
  const [draft, setDraft] = useState<string | null>(null);
  const save = () => {
    if (draft === null) return;
    const name = draft.trim();
    setDraft(null);
    if (name && name !== release.name) void saveRelease(saver, { name }, 'the new name');
  };
  if (draft !== null) {
    return (
      <input
        // biome-ignore lint/a11y/noAutofocus: the user just asked to rename
        autoFocus
        className="release-name-input"
        aria-label="Release name"
        maxLength={LIMITS.releaseName}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            save();
          } else if (event.key === 'Escape') {
            event.stopPropagation();
            setDraft(null);
          }
        }}
      />
    );
  }
  return (
    <div className="release-title">
      <h1>{release.name}</h1>
      {!store.readOnly && (
        <button type="button" className="link-button" onClick={() => setDraft(release.name)}>
          Rename
        </button>
      )}
    </div>
  );
}

export function ReleaseFields({ saver }: { saver: ReleaseSaver }) {
  const store = useStore();
  const { release } = saver;
  const readOnly = store.readOnly;
  return (
    <div className="release-fields">
      {readOnly ? (
        <dl>
          <dt>State</dt>
          <dd>{RELEASE_STATE_LABELS[release.state]}</dd>
          <dt>Target date</dt>
          <dd>{release.targetDate ? formatDate(release.targetDate) : 'None'}</dd>
        </dl>
      ) : (
        <>
          <label>
            State
            <select
              value={release.state}
              onChange={(event) =>
                void saveRelease(saver, { state: event.target.value as ReleaseStateT }, 'the state')
              }
            >
              {STATES.map((state) => (
                <option key={state} value={state}>
                  {RELEASE_STATE_LABELS[state]}
                </option>
              ))}
            </select>
          </label>
          <DateField
            label="Target date"
            value={release.targetDate}
            onSave={(targetDate) => {
              void saveRelease(saver, { targetDate }, 'the target date');
              return null;
            }}
          />
        </>
      )}
      {release.releasedAt && <p className="hint">Released {formatInstant(release.releasedAt)}</p>}
      <p className="release-count">{progressText(release)}</p>
      {!readOnly && <TrashRelease saver={saver} />}
    </div>
  );
}

function TrashRelease({ saver }: { saver: ReleaseSaver }) {
  const store = useStore();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const { remove } = useReleaseMutations(store.product.id);
  const { release } = saver;
  const trash = async () => {
    setConfirming(false);
    try {
      await remove.mutateAsync(release);
      notify({ kind: 'info', message: `Release ${release.name} deleted; its items stay in the backlog.` });
      navigate(paths.releases(store.product.key));
    } catch (error) {
      const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
      notify({ kind: 'error', message: `Release ${release.name} was not deleted: ${message}` });
    }
  };
  return (
    <>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete release
      </button>
      {confirming && (
        <Dialog label="Delete the release" onClose={() => setConfirming(false)} className="release-confirm">
          <h2>Delete release {release.name}?</h2>
          <p>
            Its {release.itemCount === 1 ? 'item stays' : `${release.itemCount} items stay`} in the backlog,
            no longer assigned to a release.
            {release.notesPublishedAt && ' Its published notes leave the feed.'}
          </p>
          <div className="actions">
            {/* Cancel first: the dialog focuses it, so a stray Enter deletes nothing. */}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="primary danger-primary" onClick={() => void trash()}>
              Delete release
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

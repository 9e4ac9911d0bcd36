/**
 * What can happen to a sprint next: start a planned one (asking first when items in it are not ready; the
 * server refuses while the team already has an active sprint, and its message is shown), close an active one (a dialog asks where leftovers go), delete
 * a planned one (its items go back to the backlog).
 */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { SprintT } from '../../api/execution.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { useSprintMutations } from './sprint-mutations.ts';

/** How many of the items not ready the start confirmation lists by name. */
const LISTED_NOT_READY = 3;

interface Props {
  sprint: SprintT;
  productKey: string;
  /** The sprint's items that are not ready (the Definition of Ready), with their reasons in words. */
  notReady: readonly { key: string; reasons: string }[];
  onChanged: () => void;
  onClose: () => void;
}

export function SprintActions({ sprint, productKey, notReady, onChanged, onClose }: Props) {
  const navigate = useNavigate();
  const mutations = useSprintMutations(sprint.productId);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [confirmStart, setConfirmStart] = useState(false);

  const askToStart = () => {
    if (notReady.length > 0) setConfirmStart(true);
    else void start();
  };

  const start = async () => {
    setConfirmStart(false);
    setBusy(true);
    setError(null);
    try {
      await mutations.start.mutateAsync(sprint);
      onChanged();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await mutations.remove.mutateAsync(sprint);
      navigate(paths.sprints(productKey));
    } catch (failure) {
      setConfirmDelete(false);
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <div className="sprint-actions">
      {sprint.state === 'planned' && (
        <>
          <button type="button" className="primary" disabled={busy} onClick={askToStart}>
            Start sprint
          </button>
          <button type="button" className="danger" disabled={busy} onClick={() => setConfirmDelete(true)}>
            Delete sprint
          </button>
        </>
      )}
      {sprint.state === 'active' && (
        <button type="button" className="primary" onClick={onClose}>
          Close sprint
        </button>
      )}
      <FormError error={error} />
      {confirmStart && (
        <Dialog
          label={`Start ${sprint.name}`}
          onClose={() => setConfirmStart(false)}
          className="confirm-dialog"
        >
          <div className="stack">
            <h2>
              {notReady.length === 1
                ? '1 item in the sprint is not ready'
                : `${notReady.length} items in the sprint are not ready`}
            </h2>
            <ul className="not-ready-list">
              {notReady.slice(0, LISTED_NOT_READY).map((entry) => (
                <li key={entry.key}>
                  <strong>{entry.key}</strong>: {entry.reasons}
                </li>
              ))}
            </ul>
            {notReady.length > LISTED_NOT_READY && (
              <p className="hint">And {notReady.length - LISTED_NOT_READY} more, marked in the list.</p>
            )}
            <p>Start {sprint.name} anyway?</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirmStart(false)}>
                Not yet
              </button>
              <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
                Start anyway
              </button>
            </div>
          </div>
        </Dialog>
      )}
      {confirmDelete && (
        <Dialog
          label={`Delete ${sprint.name}`}
          onClose={() => setConfirmDelete(false)}
          className="confirm-dialog"
        >
          <div className="stack">
            <h2>Delete {sprint.name}?</h2>
            <p>Its items go back to the backlog, where they were ranked. The sprint goes to the trash.</p>
            <div className="dialog-actions">
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep it
              </button>
              <button type="button" className="danger" disabled={busy} onClick={() => void remove()}>
                Delete sprint
              </button>
            </div>
          </div>
        </Dialog>
      )}
    </div>
  );
}

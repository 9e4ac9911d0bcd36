/** Moves an initiative to the trash after a confirmation, with an undo; the roadmap is shown after. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { initiativesApi } from '../../api/planning.ts';
import type { InitiativeT } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { paths } from '../../routes.ts';
import { notify } from '../../state/notices.ts';
import { useStoreOnce } from '../../state/use-store.ts';

export function TrashInitiative({ initiative, itemCount }: { initiative: InitiativeT; itemCount: number }) {
  const store = useStoreOnce();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);

  const trash = async () => {
    setConfirming(false);
    const { id, title } = initiative;
    store.removeInitiative(id);
    store.changed();
    navigate(paths.roadmap(store.product.key));
    try {
      await initiativesApi.trash(id);
      notify({
        kind: 'info',
        message: `“${title}” moved to the trash.`,
        action: {
          label: 'Undo',
          run: () =>
            void initiativesApi
              .restore(id)
              .then((restored) => {
                store.acceptInitiative(restored);
                store.changed();
              })
              .catch((error: unknown) =>
                notify({
                  kind: 'error',
                  message: `“${title}” was not restored: ${(error as Error).message}`,
                }),
              ),
        },
      });
    } catch (error) {
      store.acceptInitiative(initiative);
      store.changed();
      const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
      notify({ kind: 'error', message: `“${title}” was not moved to the trash: ${message}` });
    }
  };

  return (
    <>
      <button type="button" className="danger" onClick={() => setConfirming(true)}>
        Move to trash
      </button>
      {confirming && (
        <Dialog
          label="Move the initiative to the trash"
          onClose={() => setConfirming(false)}
          className="confirm-dialog"
        >
          <h2>Move “{initiative.title}” to the trash?</h2>
          <p>
            It leaves the roadmap and the timeline.
            {itemCount > 0 &&
              ` Its ${itemCount} backlog ${itemCount === 1 ? 'item stays' : 'items stay'} in the backlog.`}{' '}
            You can undo this right after.
          </p>
          <div className="actions">
            {/* Cancel first: the dialog focuses it, so a stray Enter does not trash anything. */}
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="primary danger-primary" onClick={() => void trash()}>
              Move to trash
            </button>
          </div>
        </Dialog>
      )}
    </>
  );
}

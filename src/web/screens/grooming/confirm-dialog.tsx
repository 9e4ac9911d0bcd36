/** "Are you sure?" before a change that is hard to take back (the trash, a merge). Cancel has the focus. */
import type { ReactNode } from 'react';
import { Dialog } from '../../components/dialog.tsx';

export function ConfirmDialog(props: {
  label: string;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Dialog label={props.label} onClose={props.onClose} className="grooming-dialog">
      <h2>{props.title}</h2>
      {props.children}
      <div className="grooming-dialog-actions">
        {/* Cancel first: the dialog focuses it, so a stray Enter changes nothing. */}
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          onClick={() => {
            props.onClose();
            props.onConfirm();
          }}
        >
          {props.confirmLabel}
        </button>
      </div>
    </Dialog>
  );
}

/** Confirms moving the selected items of a list to the trash; the notice that follows offers an undo. */
export function ConfirmTrash(props: {
  count: number;
  what: string;
  why: string;
  onClose: () => void;
  onConfirm: () => void;
}) {
  const items = props.count === 1 ? `1 ${props.what} item` : `${props.count} ${props.what} items`;
  return (
    <ConfirmDialog
      label={`Move the ${props.what} items to the trash`}
      title={`Move ${items} to the trash?`}
      confirmLabel="Move to trash"
      onClose={props.onClose}
      onConfirm={props.onConfirm}
    >
      <p>{props.why} They leave the backlog with their history kept; you can undo this right after.</p>
    </ConfirmDialog>
  );
}

/**
 * One announcement of the roadmap's changelog: its words, and for editors "Edit" (the team's and the
 * customers' words, sent with If-Match) and "Trash" (with an Undo). Viewers see the words only.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { type AnnouncementT, baselinesApi } from '../../api/baselines.ts';
import { ApiError } from '../../api/client.ts';
import { FormError } from '../../components/form-error.tsx';
import { notify } from '../../state/notices.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStoreOnce } from '../../state/use-store.ts';

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.fieldMessage : (error as Error).message;
}

/** Edit and Trash for one announcement (editors only: the caller leaves it out for viewers). */
export function AnnouncementActions({
  entry,
}: {
  entry: Pick<AnnouncementT, 'id' | 'version' | 'text' | 'publicText'>;
}) {
  const store = useStoreOnce();
  const queryClient = useQueryClient();
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: queryKeys.roadmapChangelog(store.product.id) });
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const [publicText, setPublicText] = useState(entry.publicText ?? '');
  const id = useId();
  const save = useMutation({
    mutationFn: () =>
      baselinesApi.editAnnouncement(entry, {
        announcement: text.trim(),
        publicAnnouncement: publicText.trim() === '' ? null : publicText.trim(),
      }),
    onSuccess: () => {
      setEditing(false);
      void refresh();
    },
  });
  const trash = async () => {
    try {
      await baselinesApi.removeAnnouncement(entry.id);
      notify({
        kind: 'info',
        message: 'Announcement moved to the trash.',
        action: {
          label: 'Undo',
          run: () =>
            void baselinesApi
              .restoreAnnouncement(entry.id)
              .catch((failure: unknown) => notify({ kind: 'error', message: messageOf(failure) }))
              .then(refresh),
        },
      });
    } catch (failure) {
      notify({ kind: 'error', message: messageOf(failure) });
    }
    void refresh();
  };
  if (!editing) {
    return (
      <span className="baseline-row">
        <button
          type="button"
          onClick={() => {
            setText(entry.text);
            setPublicText(entry.publicText ?? '');
            save.reset();
            setEditing(true);
          }}
        >
          Edit
        </button>
        <button type="button" aria-label="Move the announcement to the trash" onClick={() => void trash()}>
          Trash
        </button>
      </span>
    );
  }
  return (
    <form
      className="baseline-save"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) save.mutate();
      }}
    >
      <label htmlFor={`${id}-words`}>Announcement</label>
      <input
        id={`${id}-words`}
        value={text}
        maxLength={LIMITS.announcement}
        onChange={(event) => setText(event.target.value)}
      />
      <label htmlFor={`${id}-public`}>For customers (optional)</label>
      <input
        id={`${id}-public`}
        value={publicText}
        maxLength={LIMITS.publicAnnouncement}
        onChange={(event) => setPublicText(event.target.value)}
      />
      <div className="baseline-row">
        <button type="submit" className="primary" disabled={save.isPending || text.trim() === ''}>
          Save
        </button>
        <button type="button" onClick={() => setEditing(false)}>
          Cancel
        </button>
      </div>
      <FormError error={save.error} />
    </form>
  );
}

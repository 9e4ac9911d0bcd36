/**
 * The roadmap's changelog: the announcements (team words, and the customers' words when given) and the
 * pivots made since the latest baseline that nobody announced. Editors edit or trash an announcement.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { baselinesApi, type UnannouncedPivotT } from '../../api/baselines.ts';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { AnnouncementActions } from './announcement-entry.tsx';
import { byWords, FIELD_LABELS, initiativeTitle, valueWords } from './baseline-words.ts';

function ChangeWords({ changes }: { changes: Record<string, unknown[]> }) {
  const store = useStoreOnce();
  return (
    <span className="baseline-change">
      {Object.entries(changes)
        .filter(([field]) => field in FIELD_LABELS)
        .map(
          ([field, pair]) =>
            `${FIELD_LABELS[field]}: ${valueWords(store, field, pair[0])} → ${valueWords(store, field, pair[1])}`,
        )
        .join(' · ')}
    </span>
  );
}

export function ChangelogList() {
  const store = useStoreOnce();
  const productId = store.product.id;
  const changelog = useQuery({
    queryKey: queryKeys.roadmapChangelog(productId),
    queryFn: ({ signal }) => baselinesApi.changelog(productId, signal),
  });
  if (changelog.error) return <FormError error={changelog.error} />;
  if (!changelog.data)
    return (
      <p aria-busy="true" className="hint">
        Loading the changelog…
      </p>
    );
  const { announcements, unannounced } = changelog.data;
  return (
    <div className="baseline-diff">
      <section aria-label="Unannounced pivots">
        <h3>Unannounced pivots ({unannounced.length})</h3>
        {unannounced.length === 0 ? (
          <p className="hint">Every change to committed work since the latest baseline was announced.</p>
        ) : (
          <ul>
            {unannounced.map((pivot) => (
              <li key={pivot.eventId}>
                <strong>{initiativeTitle(store, pivot.initiativeId)}</strong>
                <ChangeWords changes={pivot.changes} />
                <span className="hint">{byWords(store, pivot)}</span>
                {!store.readOnly && <AnnounceLater pivot={pivot} />}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Announcements">
        <h3>Announcements ({announcements.length})</h3>
        {announcements.length === 0 ? (
          <p className="hint">No announcement yet. Changing committed work after a baseline asks for one.</p>
        ) : (
          <ul>
            {announcements.map((entry) => (
              <li key={entry.id}>
                <strong>{initiativeTitle(store, entry.initiativeId)}</strong>
                <span>{entry.text}</span>
                {entry.publicText && <span className="hint">For customers: {entry.publicText}</span>}
                <ChangeWords changes={entry.changes} />
                <span className="hint">{byWords(store, entry)}</span>
                {!store.readOnly && <AnnouncementActions entry={entry} />}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** "Announce…": words for a pivot made without them, added to the changelog. */
function AnnounceLater({ pivot }: { pivot: Pick<UnannouncedPivotT, 'initiativeId' | 'eventId'> }) {
  const store = useStoreOnce();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const id = useId();
  const save = useMutation({
    mutationFn: (words: string) =>
      baselinesApi.announce(pivot.initiativeId, pivot.eventId, { announcement: words }),
    onSuccess: () => {
      setOpen(false);
      void queryClient.invalidateQueries({ queryKey: queryKeys.roadmapChangelog(store.product.id) });
    },
  });
  if (!open) {
    return (
      <button type="button" className="baseline-announce-later" onClick={() => setOpen(true)}>
        Announce…
      </button>
    );
  }
  return (
    <form
      className="baseline-save"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) save.mutate(text.trim());
      }}
    >
      <label htmlFor={`${id}-words`}>Announcement</label>
      <div className="baseline-row">
        <input
          id={`${id}-words`}
          value={text}
          maxLength={LIMITS.announcement}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="submit" className="primary" disabled={save.isPending || text.trim() === ''}>
          Announce
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
      <FormError error={save.error} />
    </form>
  );
}

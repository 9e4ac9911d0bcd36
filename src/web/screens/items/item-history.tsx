/** The item's history, newest first, in words: who did what, when. Refetched whenever the item changes. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { itemsApi } from '../../api/items.ts';
import type { EventT } from '../../api/types.ts';
import { formatInstant, relativeTime } from '../../components/dates.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { describeEvent } from './describe-event.ts';

/** The current time, advancing every minute so "3 min ago" stays true while the panel is open. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

export function ItemHistory({ itemId, version }: { itemId: string; version: number }) {
  const store = useStore();
  const now = useNow();
  // Every saved change bumps the version — ours and, through the live stream, everyone else's — and each
  // version is read once; the previous history shows until the new one arrives.
  const read = useQuery<EventT[]>({
    queryKey: queryKeys.itemHistory(store.product.id, itemId, version),
    queryFn: ({ signal }) => itemsApi.history(itemId, signal).then((events) => events.slice().reverse()),
    placeholderData: keepPreviousData,
  });
  const events = read.data;
  const error = read.error ? read.error.message : null;

  const names = {
    user: (id: string) => store.users.get(id)?.name ?? 'someone',
    initiative: (id: string) => store.initiatives.get(id)?.title ?? 'a removed initiative',
  };
  const entries = (events ?? [])
    .map((event) => ({ event, phrases: describeEvent(event, names) }))
    .filter((entry) => entry.phrases.length > 0);

  return (
    <section className="item-section" aria-labelledby="item-history-heading">
      <h3 id="item-history-heading">History</h3>
      {error && (
        <p className="form-error" role="alert">
          Could not load the history: {error}
        </p>
      )}
      <ol className="history" aria-labelledby="item-history-heading">
        {entries.map(({ event, phrases }) => (
          <li key={event.id} className="history-entry">
            <span>
              <strong>{event.actorId ? (store.users.get(event.actorId)?.name ?? 'Someone') : 'Cairn'}</strong>{' '}
              {phrases.join(', ')}
            </span>
            <time dateTime={event.at} title={formatInstant(event.at)}>
              {' · '}
              {relativeTime(event.at, now)}
            </time>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Your calendar feed: a secret iCalendar address of sprints, releases and initiative target dates. */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { accountApi, accountKeys } from '../../api/account.ts';
import { FormError } from '../../components/form-error.tsx';
import { SecretField } from './secret-field.tsx';

export function CalendarFeedSection() {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState<string | null>(null);
  const feed = useQuery({
    queryKey: accountKeys.calendarFeed,
    queryFn: ({ signal }) => accountApi.calendarFeed(signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: accountKeys.calendarFeed });
  const create = useMutation({
    mutationFn: accountApi.createCalendarFeed,
    onSuccess: (created) => {
      setUrl(created.url);
      void refresh();
    },
  });
  const revoke = useMutation({
    mutationFn: accountApi.revokeCalendarFeed,
    onSuccess: () => {
      setUrl(null);
      void refresh();
    },
  });
  const active = feed.data?.active === true;
  return (
    <section aria-labelledby="calendar-heading" className="account-section">
      <h2 id="calendar-heading">Calendar feed</h2>
      <p className="hint">
        Subscribe in your calendar app to see sprints, releases and initiative target dates of every product
        you can see. Anyone with the address can read it: keep it to yourself, and make a new one if it leaks.
      </p>
      <FormError error={feed.error ?? create.error ?? revoke.error} />
      {feed.data && (
        <p>
          {active
            ? `Your feed address was made on ${feed.data.createdAt?.slice(0, 10) ?? 'an earlier day'}.`
            : 'You have no feed address.'}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={create.isPending} onClick={() => create.mutate()}>
          {active ? 'Make a new address (the old one stops working)' : 'Make a feed address'}
        </button>
        {active && (
          <button type="button" disabled={revoke.isPending} onClick={() => revoke.mutate()}>
            Turn the feed off
          </button>
        )}
      </div>
      {url && <SecretField label="Feed address" value={url} />}
    </section>
  );
}

/** A webhook's delivery log, newest first, a page at a time, with Redeliver on each entry. */
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { type WebhookDeliveryT, webhooksApi } from '../../api/webhooks.ts';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';

const STATUS_LABELS: Record<WebhookDeliveryT['status'], string> = {
  pending: 'Waiting',
  delivering: 'Sending',
  delivered: 'Delivered',
  failed: 'Failed',
};

function when(at: string): string {
  return new Date(at).toLocaleString();
}

export function DeliveryLog({ productId, webhookId }: { productId: string; webhookId: string }) {
  const queryClient = useQueryClient();
  const key = queryKeys.webhookDeliveries(productId, webhookId);
  const log = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam, signal }) => webhooksApi.deliveries(webhookId, pageParam, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    // Deliveries change on the server's schedule, not the user's: look again while the log is open.
    refetchInterval: 5_000,
  });
  const redeliver = useMutation({
    mutationFn: (deliveryId: string) => webhooksApi.redeliver(deliveryId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: key }),
  });
  if (log.isPending) return <p className="hint">Loading deliveries…</p>;
  if (log.isError) return <FormError error={log.error} />;
  const deliveries = log.data.pages.flatMap((page) => page.deliveries);
  if (deliveries.length === 0) {
    return <p className="hint">Nothing sent yet. Send a ping, or change something the webhook listens to.</p>;
  }
  return (
    <div className="webhook-log">
      <table>
        <caption className="visually-hidden">Deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">When</th>
            <th scope="col">Event</th>
            <th scope="col">Status</th>
            <th scope="col">Response</th>
            <th scope="col">Attempts</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((delivery) => (
            <tr key={delivery.id} className={`webhook-delivery is-${delivery.status}`}>
              <td>{when(delivery.createdAt)}</td>
              <td>
                <code>{delivery.eventType}</code>
                {delivery.redeliveryOf && <span className="hint"> (again)</span>}
              </td>
              <td>
                {STATUS_LABELS[delivery.status]}
                {delivery.status === 'pending' && delivery.attempts > 0 && delivery.nextAttemptAt && (
                  <span className="hint"> — retry at {when(delivery.nextAttemptAt)}</span>
                )}
              </td>
              <td>
                {delivery.lastStatusCode ?? '—'}
                {delivery.lastError && <div className="webhook-error">{delivery.lastError}</div>}
              </td>
              <td>{delivery.attempts}</td>
              <td>
                <button
                  type="button"
                  disabled={redeliver.isPending}
                  onClick={() => redeliver.mutate(delivery.id)}
                  aria-label={`Redeliver ${delivery.eventType} from ${when(delivery.createdAt)}`}
                >
                  Redeliver
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <FormError error={redeliver.error} />
      {log.hasNextPage && (
        <button type="button" disabled={log.isFetchingNextPage} onClick={() => void log.fetchNextPage()}>
          Older deliveries
        </button>
      )}
    </div>
  );
}

/**
 * Webhooks (/p/:key/webhooks): editors send the product's events to other tools. Add (the signing secret
 * is shown once), edit, pause, ping, rotate the secret, delete, and read each webhook's delivery log with
 * a Redeliver button. Viewers are told they cannot (the server would refuse them).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { type WebhookT, webhooksApi } from '../../api/webhooks.ts';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { DeliveryLog } from './delivery-log.tsx';
import { WebhookForm } from './webhook-form.tsx';
import './webhooks.css';

/** The secret of a webhook just made or rotated: shown until dismissed, never again. */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div className="webhook-secret" role="status">
      <p>
        The signing secret — copy it now, it will not be shown again. Check each delivery's{' '}
        <code>X-Cairn-Signature</code> (<code>sha256=</code> HMAC of <code>timestamp.body</code>) with it.
      </p>
      <input readOnly value={secret} aria-label="Signing secret" onFocus={(event) => event.target.select()} />
      <button type="button" onClick={onDone}>
        I have stored it
      </button>
    </div>
  );
}

function WebhookCard(props: { productId: string; webhook: WebhookT; onSecret: (secret: string) => void }) {
  const { productId, webhook } = props;
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [logOpen, setLogOpen] = useState(false);
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(productId) });
  const update = useMutation({
    mutationFn: (patch: Parameters<typeof webhooksApi.update>[1]) =>
      webhooksApi.update(webhook.id, patch, webhook.version),
    onSuccess: (saved) => {
      setEditing(false);
      if (saved.secret) props.onSecret(saved.secret);
      refresh();
    },
  });
  const remove = useMutation({
    mutationFn: () => webhooksApi.remove(webhook.id, webhook.version),
    onSuccess: refresh,
  });
  const ping = useMutation({
    mutationFn: () => webhooksApi.ping(webhook.id),
    onSuccess: () => {
      setLogOpen(true);
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhookDeliveries(productId, webhook.id) });
    },
  });
  return (
    <li className={`webhook-card${webhook.active ? '' : ' is-paused'}`}>
      {editing ? (
        <WebhookForm
          initial={{ url: webhook.url, eventTypes: webhook.eventTypes }}
          submitLabel="Save"
          busy={update.isPending}
          error={update.error}
          onSubmit={(value) => update.mutate(value)}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <>
          <div className="webhook-summary">
            <code className="webhook-url">{webhook.url}</code>
            {!webhook.active && <span className="chip">paused</span>}
          </div>
          <p className="webhook-types">
            {webhook.eventTypes.map((type) => (
              <code key={type}>{type === '*' ? 'every event' : type}</code>
            ))}
          </p>
          <div className="webhook-actions">
            <button type="button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" onClick={() => update.mutate({ active: !webhook.active })}>
              {webhook.active ? 'Pause' : 'Resume'}
            </button>
            <button type="button" disabled={ping.isPending} onClick={() => ping.mutate()}>
              Send a ping
            </button>
            <button type="button" onClick={() => update.mutate({ rotateSecret: true })}>
              New secret
            </button>
            <button
              type="button"
              className="danger"
              disabled={remove.isPending}
              onClick={() => {
                if (window.confirm(`Delete the webhook to ${webhook.url}? Nothing more will be sent to it.`))
                  remove.mutate();
              }}
            >
              Delete
            </button>
            <button type="button" aria-expanded={logOpen} onClick={() => setLogOpen((open) => !open)}>
              {logOpen ? 'Hide deliveries' : 'Deliveries'}
            </button>
          </div>
          <FormError error={update.error ?? remove.error ?? ping.error} />
        </>
      )}
      {logOpen && <DeliveryLog productId={productId} webhookId={webhook.id} />}
    </li>
  );
}

function NewWebhook({ productId, onSecret }: { productId: string; onSecret: (secret: string) => void }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const create = useMutation({
    mutationFn: (value: { url: string; eventTypes: string[] }) => webhooksApi.create(productId, value),
    onSuccess: (created) => {
      setOpen(false);
      if (created.secret) onSecret(created.secret);
      void queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(productId) });
    },
  });
  if (!open) {
    return (
      <button type="button" onClick={() => setOpen(true)}>
        Add a webhook
      </button>
    );
  }
  return (
    <section aria-label="New webhook" className="webhook-new">
      <WebhookForm
        initial={{ url: '', eventTypes: ['item.*'] }}
        submitLabel="Add webhook"
        busy={create.isPending}
        error={create.error}
        onSubmit={(value) => create.mutate(value)}
        onCancel={() => setOpen(false)}
      />
    </section>
  );
}

export function WebhooksScreen() {
  const store = useStore();
  const { id: productId, key, name } = store.product;
  const [secret, setSecret] = useState<string | null>(null);
  const list = useQuery({
    queryKey: queryKeys.webhooks(productId),
    queryFn: ({ signal }) => webhooksApi.list(productId, signal),
    enabled: !store.readOnly,
  });
  return (
    <main className="screen webhooks-screen">
      <h1>Webhooks</h1>
      {store.readOnly ? (
        <p>
          Only editors manage the webhooks of {name}.{' '}
          <Link to={paths.productHome(key)}>Back to the product</Link>
        </p>
      ) : (
        <>
          <p className="hint">
            Cairn POSTs the events you choose to each URL as JSON, signed with the webhook's secret, and
            retries failures with growing pauses. Addresses inside your network are refused unless the server
            allows them.
          </p>
          {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
          <NewWebhook productId={productId} onSecret={setSecret} />
          {list.isPending ? (
            <p className="hint">Loading…</p>
          ) : list.isError ? (
            <FormError error={list.error} />
          ) : list.data.webhooks.length === 0 ? (
            <p>No webhooks yet.</p>
          ) : (
            <ul className="webhook-list">
              {list.data.webhooks.map((webhook) => (
                <WebhookCard key={webhook.id} productId={productId} webhook={webhook} onSecret={setSecret} />
              ))}
            </ul>
          )}
        </>
      )}
    </main>
  );
}

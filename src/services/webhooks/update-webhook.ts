/** Changes a webhook (URL, event types, active, secret) or deletes it, through the one write path. */
import type { Changes } from '../../domain/changes.ts';
import type { UpdateWebhookInput, Webhook } from '../../schemas/webhook.ts';
import type { WebhookRow } from '../../store/tables-webhooks.ts';
import type { ServiceContext } from '../context.ts';
import { invalidField } from '../errors.ts';
import { updateVersioned } from '../write/update-versioned.ts';
import { loadWebhook, newWebhookSecret, presentWebhook, redactedUrl } from './webhook-store.ts';

const describeWebhook = (row: WebhookRow) => `webhook to ${redactedUrl(row.url)}`;

export async function updateWebhook(
  ctx: ServiceContext & { id: string; input: UpdateWebhookInput; expectedVersion?: number | undefined },
): Promise<Webhook> {
  const { input } = ctx;
  if (input.secret !== undefined && input.rotateSecret) {
    throw invalidField('rotateSecret', 'cannot be sent with secret');
  }
  // Worked out once, so a second round of the write path shows the secret it wrote.
  const secret = input.rotateSecret ? newWebhookSecret() : input.secret;
  let written = false;
  const webhook = await updateVersioned<WebhookRow, Webhook>({
    ...ctx,
    entityType: 'webhook',
    load: (db) => loadWebhook(db, ctx.actor, ctx.id),
    present: (_db, row) => presentWebhook(row),
    describe: describeWebhook,
    change: async (trx, current) => {
      const changes: Changes = {};
      const eventTypes = input.eventTypes === undefined ? undefined : [...new Set(input.eventTypes)];
      if (input.url !== undefined && input.url !== current.url) {
        changes.url = [redactedUrl(current.url), redactedUrl(input.url)];
      }
      if (eventTypes !== undefined && JSON.stringify(eventTypes) !== current.event_types) {
        changes.eventTypes = [JSON.parse(current.event_types), eventTypes];
      }
      if (input.active !== undefined && input.active !== (current.active === 1)) {
        changes.active = [current.active === 1, input.active];
      }
      // Never the secret itself: that it changed.
      if (secret !== undefined && secret !== current.secret) changes.secret = ['(hidden)', '(changed)'];
      if (Object.keys(changes).length === 0) return null;
      return {
        action: 'updated',
        changes,
        write: async (stamp) => {
          const row = await trx
            .updateTable('webhooks')
            .set({
              ...(input.url === undefined ? {} : { url: input.url }),
              ...(eventTypes === undefined ? {} : { event_types: JSON.stringify(eventTypes) }),
              ...(input.active === undefined ? {} : { active: input.active ? 1 : 0 }),
              ...(secret === undefined ? {} : { secret }),
              ...stamp,
            })
            .where('id', '=', current.id)
            .where('version', '=', current.version)
            .returningAll()
            .executeTakeFirst();
          written = row !== undefined;
          return row;
        },
      };
    },
  });
  // The secret is shown once: in the answer to the request that generated it.
  return written && input.rotateSecret && secret !== undefined ? { ...webhook, secret } : webhook;
}

/** Deletes a webhook: nothing more is queued for it; its delivery log stays readable by no one. */
export async function deleteWebhook(
  ctx: ServiceContext & { id: string; expectedVersion?: number | undefined },
): Promise<Webhook> {
  return updateVersioned<WebhookRow, Webhook>({
    ...ctx,
    entityType: 'webhook',
    load: (db) => loadWebhook(db, ctx.actor, ctx.id),
    present: (_db, row) => presentWebhook(row),
    describe: describeWebhook,
    change: async (trx, current, at) => ({
      action: 'deleted',
      changes: { deletedAt: [null, at] },
      write: (stamp) =>
        trx
          .updateTable('webhooks')
          .set({ deleted_at: at, active: 0, ...stamp })
          .where('id', '=', current.id)
          .where('version', '=', current.version)
          .returningAll()
          .executeTakeFirst(),
    }),
  });
}

/**
 * The webhook worker, one per server: on a timer (and when woken) it turns new events into deliveries
 * (dispatch-events.ts), claims due deliveries (delivery-queue.ts) and sends up to `concurrency` at a time,
 * retrying failures with backoff. Every server sharing the database may run one: claims keep each
 * delivery with one worker. close() stops claiming, aborts requests under way (their claims are given
 * back, so the next worker sends them at once) and waits for everything to settle.
 */
import { randomBytes } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { hostname } from 'node:os';
import type { Db } from '../../store/database.ts';
import type { WebhookDeliveryRow, WebhookRow } from '../../store/tables-webhooks.ts';
import { type BackoffSettings, DEFAULT_BACKOFF, nextRetryDelay } from './backoff.ts';
import { type AttemptOutcome, claimDeliveries, finishDelivery, releaseDelivery } from './delivery-queue.ts';
import { dispatchEvents } from './dispatch-events.ts';
import { pruneDeliveries } from './prune-deliveries.ts';
import { deliveryHeaders } from './signature.ts';
import { type GuardOptions, type Resolver, systemResolver, WebhookRefusedError } from './ssrf-guard.ts';
import { EXCERPT_CHARS, sendWebhookRequest } from './webhook-request.ts';

export interface WebhookWorkerOptions {
  db: Db;
  /** CAIRN_WEBHOOKS_ALLOW_PRIVATE: deliver to loopback and private addresses too. */
  allowPrivate: boolean;
  log: (message: string) => void;
  /** How host names are resolved (tests pass their own). */
  resolve?: Resolver | undefined;
  /** Which addresses the guard refuses (tests only: see GuardOptions). */
  classify?: GuardOptions['classify'];
  /** How often to look for new events and due deliveries. */
  pollMs?: number | undefined;
  /** Deliveries sent at once. */
  concurrency?: number | undefined;
  backoff?: BackoffSettings | undefined;
  /** One attempt's deadline, redirects included. */
  timeoutMs?: number | undefined;
  /** How long a claim holds: longer than an attempt can take. */
  leaseMs?: number | undefined;
  now?: (() => Date) | undefined;
}

const DEFAULTS = { pollMs: 500, concurrency: 16, timeoutMs: 10_000, leaseMs: 60_000 };
/** Dispatch rounds per tick, so one busy tick cannot starve sending. */
const DISPATCH_ROUNDS = 5;
const ERROR_CHARS = 500;
/** How often old deliveries are pruned from the log. */
const PRUNE_EVERY_MS = 10 * 60_000;

export interface WebhookWorker {
  /** Look now rather than at the next poll (a write just happened here). */
  wake(): void;
  close(): Promise<void>;
}

export function startWebhookWorker(options: WebhookWorkerOptions): WebhookWorker {
  const worker = new DeliveryWorker(options);
  worker.start();
  return worker;
}

class DeliveryWorker implements WebhookWorker {
  private readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly settings;
  private readonly abort = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private pending = false;
  private closed = false;
  /** When the log was last pruned (0: at the first tick). */
  private prunedAt = 0;

  constructor(private readonly options: WebhookWorkerOptions) {
    this.settings = {
      pollMs: options.pollMs ?? DEFAULTS.pollMs,
      concurrency: options.concurrency ?? DEFAULTS.concurrency,
      timeoutMs: options.timeoutMs ?? DEFAULTS.timeoutMs,
      leaseMs: options.leaseMs ?? DEFAULTS.leaseMs,
      backoff: options.backoff ?? DEFAULT_BACKOFF,
      resolve: options.resolve ?? systemResolver,
      now: options.now ?? (() => new Date()),
    };
  }

  start(): void {
    // Every request under way listens for the abort: up to `concurrency` of them, not a leak.
    setMaxListeners(this.settings.concurrency + 10, this.abort.signal);
    this.timer = setInterval(() => this.wake(), this.settings.pollMs);
    this.timer.unref();
    this.wake();
  }

  wake(): void {
    if (this.closed) return;
    this.pending = true;
    if (!this.running) this.running = this.drain();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await this.running;
    await Promise.all(this.inFlight);
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending && !this.closed) {
        this.pending = false;
        await this.tick();
      }
    } catch (error) {
      this.options.log(`webhooks: ${(error as Error).message}`);
    } finally {
      // No await between the loop's last check and here: a wake is seen by the loop or starts a new drain.
      this.running = null;
    }
  }

  private async tick(): Promise<void> {
    const { db } = this.options;
    const now = this.settings.now().getTime();
    if (now - this.prunedAt >= PRUNE_EVERY_MS) {
      this.prunedAt = now;
      await pruneDeliveries(db, this.settings.now());
    }
    for (let round = 0; round < DISPATCH_ROUNDS && !this.closed; round++) {
      if ((await dispatchEvents(db, this.settings.now)) === 0) break;
    }
    if (this.closed) return;
    const claimed = await claimDeliveries(db, {
      workerId: this.id,
      now: this.settings.now(),
      leaseMs: this.settings.leaseMs,
      limit: this.settings.concurrency - this.inFlight.size,
    });
    if (claimed.length === 0) return;
    const webhooks = await db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', 'in', [...new Set(claimed.map((row) => row.webhook_id))])
      .execute();
    const byId = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
    for (const delivery of claimed) {
      const sending: Promise<void> = this.attempt(delivery, byId.get(delivery.webhook_id))
        .catch((error: unknown) =>
          this.options.log(`webhooks: delivery ${delivery.id}: ${(error as Error).message}`),
        )
        .finally(() => {
          this.inFlight.delete(sending);
          // A slot came free: there may be more due.
          this.wake();
        });
      this.inFlight.add(sending);
    }
  }

  private async attempt(delivery: WebhookDeliveryRow, webhook: WebhookRow | undefined): Promise<void> {
    const { db } = this.options;
    const now = this.settings.now();
    if (!webhook || webhook.deleted_at !== null || webhook.active !== 1) {
      await finishDelivery(db, this.id, delivery.id, {
        ...ended('failed', now),
        error: webhook?.deleted_at === null ? 'the webhook is disabled' : 'the webhook was deleted',
      });
      return;
    }
    let outcome: AttemptOutcome;
    try {
      const response = await sendWebhookRequest(
        {
          url: webhook.url,
          body: delivery.payload,
          headers: deliveryHeaders({
            secret: webhook.secret,
            deliveryId: delivery.id,
            eventType: delivery.event_type,
            body: delivery.payload,
            now,
          }),
          timeoutMs: this.settings.timeoutMs,
          signal: this.abort.signal,
        },
        {
          allowPrivate: this.options.allowPrivate,
          resolve: this.settings.resolve,
          classify: this.options.classify,
        },
      );
      const excerpt = response.excerpt.slice(0, EXCERPT_CHARS);
      outcome =
        response.statusCode >= 200 && response.statusCode < 300
          ? { ...ended('delivered', this.settings.now()), statusCode: response.statusCode, response: excerpt }
          : {
              ...this.retryOrFail(delivery.attempts, `HTTP ${response.statusCode}`),
              statusCode: response.statusCode,
              response: excerpt,
            };
    } catch (error) {
      if (this.abort.signal.aborted) {
        await releaseDelivery(db, this.id, delivery.id, this.settings.now().toISOString());
        return;
      }
      const message = ((error as Error).message || String(error)).slice(0, ERROR_CHARS);
      // A refused target stays refused: no retry.
      outcome =
        error instanceof WebhookRefusedError
          ? { ...ended('failed', this.settings.now()), error: message }
          : this.retryOrFail(delivery.attempts, message);
    }
    await finishDelivery(db, this.id, delivery.id, outcome);
  }

  private retryOrFail(attempts: number, error: string): AttemptOutcome {
    const now = this.settings.now();
    const delay = nextRetryDelay(attempts, this.settings.backoff, Math.random());
    if (delay === null) return { ...ended('failed', now), error };
    return {
      ...ended('pending', now),
      nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
      error,
    };
  }
}

function ended(status: AttemptOutcome['status'], now: Date): AttemptOutcome {
  const at = now.toISOString();
  return { status, nextAttemptAt: at, statusCode: null, error: null, response: null, at };
}

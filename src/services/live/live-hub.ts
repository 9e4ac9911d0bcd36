/**
 * The live-updates hub: connections subscribe to one product's events after a cursor and receive every
 * later event in id order, with no gaps and no duplicates. Ids within a product become visible in commit
 * order (writers hold the product lock, see lockProductForWrite), so "events after my cursor" is a
 * correct feed; the hub only has to be told when to look, which is the waker's job (NOTIFY on
 * PostgreSQL, a poll plus in-process pokes on SQLite — see create-live-hub.ts).
 */
import type { Db } from '../../store/database.ts';
import { ProductFeed } from './product-feed.ts';
import { readChanges } from './read-changes.ts';
import { Subscription } from './subscription.ts';

/** Events read (and enriched) per query. */
const BATCH_SIZE = 500;

/** What the hub offers whatever tells it about new events. */
export interface WakeTarget {
  /** The product may have new events. */
  poke(productId: string): void;
  /** Any product may have new events (after a reconnect, or when watching starts). */
  pokeAll(): void;
  /** Whether anyone is subscribed at all. */
  readonly watching: boolean;
}

/** Learns of new events and pokes the hub; started when the first connection subscribes. */
export interface Waker {
  /** Called on every subscribe: cheap and idempotent. */
  start(): void;
  /** A write request finished in this process. */
  wake(): void;
  close(): Promise<void>;
}

export class LiveHub implements WakeTarget {
  private readonly feeds = new Map<string, ProductFeed>();
  private readonly stopping = new Set<Promise<void>>();
  private readonly waker: Waker;
  private closed = false;

  constructor(
    private readonly db: Db,
    createWaker: (target: WakeTarget) => Waker,
    private readonly log: (message: string) => void,
  ) {
    this.waker = createWaker(this);
  }

  get watching(): boolean {
    return this.feeds.size > 0;
  }

  /** Every event of the product with an id above `after`, now and as they are committed, until closed. */
  subscribe(productId: string, after: number): Subscription {
    const subscription: Subscription = new Subscription(after, {
      resume: () => this.feeds.get(productId)?.poke(),
      closed: () => this.unsubscribe(productId, subscription),
    });
    if (this.closed) {
      subscription.close();
      return subscription;
    }
    let feed = this.feeds.get(productId);
    if (!feed) {
      feed = new ProductFeed(
        (from) => readChanges(this.db, productId, from, BATCH_SIZE),
        BATCH_SIZE,
        this.log,
      );
      this.feeds.set(productId, feed);
    }
    feed.subscribers.add(subscription);
    this.waker.start();
    // Catch up on what was committed before this subscription existed.
    feed.poke();
    return subscription;
  }

  poke(productId: string): void {
    this.feeds.get(productId)?.poke();
  }

  pokeAll(): void {
    for (const feed of this.feeds.values()) feed.poke();
  }

  /** A write request finished here: on SQLite, look for its events now rather than at the next poll. */
  wake(): void {
    if (this.watching) this.waker.wake();
  }

  /** Ends every subscription (their streams end) and stops watching; call before closing the database. */
  async close(): Promise<void> {
    this.closed = true;
    for (const feed of [...this.feeds.values()]) {
      for (const subscription of [...feed.subscribers]) subscription.close();
    }
    await this.waker.close();
    await Promise.all(this.stopping);
  }

  private unsubscribe(productId: string, subscription: Subscription): void {
    const feed = this.feeds.get(productId);
    if (!feed?.subscribers.delete(subscription) || feed.subscribers.size > 0) return;
    this.feeds.delete(productId);
    // A read may still be under way: close() waits for it, so the database outlives it.
    const stopped = feed.stop().finally(() => this.stopping.delete(stopped));
    this.stopping.add(stopped);
  }
}

/**
 * One connection's place in a product's feed: a cursor, and the changes delivered to it but not yet sent.
 * The feed pushes; the connection takes at its own pace. A connection that falls behind (a slow client, a
 * long catch-up) is paused instead of buffering without bound, and asks for more once it has sent it all.
 */
import type { LiveChange } from './read-changes.ts';

/** Changes held for one connection before the feed stops reading for it. */
const PAUSE_AT = 1_000;

export interface SubscriptionHooks {
  /** The connection sent everything it held while paused: read on for it. */
  resume(): void;
  /** The connection is gone: forget it. */
  closed(): void;
}

export class Subscription {
  /** The id of the last event handed to this connection. */
  cursor: number;
  private queue: LiveChange[] = [];
  private paused = false;
  private isClosed = false;
  private wakeUp: (() => void) | null = null;

  constructor(
    after: number,
    private readonly hooks: SubscriptionHooks,
  ) {
    this.cursor = after;
  }

  /** Whether the feed should read for this connection now. */
  get wantsMore(): boolean {
    return !this.paused && !this.isClosed;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** Called by the feed with a batch in id order; keeps only what this connection has not had yet. */
  deliver(changes: readonly LiveChange[]): void {
    if (this.isClosed) return;
    for (const change of changes) {
      if (change.event.id <= this.cursor) continue;
      this.queue.push(change);
      this.cursor = change.event.id;
    }
    if (this.queue.length >= PAUSE_AT) this.paused = true;
    if (this.queue.length > 0) this.wake();
  }

  /**
   * Waits up to `timeoutMs` for changes and returns them, in id order: an empty list when the time ran
   * out, null once the subscription is closed.
   */
  async take(timeoutMs: number): Promise<LiveChange[] | null> {
    if (this.queue.length === 0 && !this.isClosed) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.wake(), Math.max(0, timeoutMs));
        this.wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
    if (this.isClosed) return null;
    const taken = this.queue;
    this.queue = [];
    if (this.paused) {
      this.paused = false;
      this.hooks.resume();
    }
    return taken;
  }

  /** Ends the subscription; a pending take() returns null. Safe to call more than once. */
  close(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    this.queue = [];
    this.wake();
    this.hooks.closed();
  }

  private wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }
}

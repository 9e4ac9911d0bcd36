/**
 * One product's subscribers and the single reader that serves them all: on a poke it reads the events
 * after the lowest cursor among them once, and each subscriber keeps what it has not had. Pokes that
 * arrive during a read cause one more read, because the read may have started before their commit.
 */
import type { LiveChange } from './read-changes.ts';
import type { Subscription } from './subscription.ts';

/** After a failed read (the database restarting, say), try again this much later. */
const RETRY_MS = 1_000;

export class ProductFeed {
  readonly subscribers = new Set<Subscription>();
  private pending = false;
  private running: Promise<void> | null = null;
  private retry: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly read: (after: number) => Promise<LiveChange[]>,
    private readonly batchSize: number,
    private readonly log: (message: string) => void,
  ) {}

  /** Something may have been committed: read what is new (now, or right after the read under way). */
  poke(): void {
    if (this.stopped) return;
    this.pending = true;
    if (!this.running) this.running = this.drain();
  }

  /** Stops reading; resolves once a read under way has finished (before the database is closed). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.running;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending && !this.stopped) {
        this.pending = false;
        await this.readToEnd();
      }
    } catch (error) {
      this.log(`live updates: reading events failed: ${(error as Error).message}`);
      if (!this.stopped) {
        this.retry = setTimeout(() => this.poke(), RETRY_MS);
        this.retry.unref();
      }
    } finally {
      // No await between the loop's last check and here: a poke is either seen by the loop or starts a
      // new drain, never lost.
      this.running = null;
    }
  }

  private async readToEnd(): Promise<void> {
    for (;;) {
      const ready = [...this.subscribers].filter((subscriber) => subscriber.wantsMore);
      if (ready.length === 0) return;
      const after = Math.min(...ready.map((subscriber) => subscriber.cursor));
      const changes = await this.read(after);
      if (this.stopped) return;
      for (const subscriber of ready) subscriber.deliver(changes);
      // A short batch reached the end of the log for every cursor at or above `after`.
      if (changes.length < this.batchSize) return;
    }
  }
}

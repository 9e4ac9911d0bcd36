/**
 * Wakes the hub on SQLite, which has no NOTIFY. Writes made by this server poke at once (the HTTP layer
 * calls wake() after each write request); writes from another process on the same file (the `cairn` CLI)
 * are found by a cheap poll of the newest event id, once a second and only while anyone is subscribed.
 */
import type { Db } from '../../store/database.ts';
import type { Waker, WakeTarget } from './live-hub.ts';

export function sqlitePoller(
  db: Db,
  target: WakeTarget,
  log: (message: string) => void,
  intervalMs = 1_000,
): Waker {
  let timer: NodeJS.Timeout | null = null;
  /** The newest event id already looked at; null until the poll (re)starts. */
  let seen: number | null = null;
  let pending = false;
  let running: Promise<void> | null = null;

  async function look(): Promise<void> {
    if (seen === null) {
      const row = await db
        .selectFrom('events')
        .select((eb) => eb.fn.max('id').as('last'))
        .executeTakeFirst();
      seen = Number(row?.last ?? 0);
      // Commits between a subscriber's first read and this one would otherwise wait for the next write.
      target.pokeAll();
      return;
    }
    const from = seen;
    const rows = await db
      .selectFrom('events')
      .select((eb) => ['product_id', eb.fn.max('id').as('last')])
      .where('id', '>', from)
      .groupBy('product_id')
      .execute();
    for (const row of rows) {
      seen = Math.max(seen ?? 0, Number(row.last));
      if (row.product_id !== null) target.poke(row.product_id);
    }
  }

  /** Looks now, or once more right after the look under way (it may have missed the latest commit). */
  function check(): void {
    pending = true;
    if (running) return;
    running = (async () => {
      try {
        while (pending) {
          pending = false;
          await look();
        }
      } catch (error) {
        log(`live updates: polling for events failed: ${(error as Error).message}`);
      } finally {
        running = null;
      }
    })();
  }

  function stop(): void {
    if (timer) clearInterval(timer);
    timer = null;
    seen = null;
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => (target.watching ? check() : stop()), intervalMs);
      timer.unref();
      check();
    },
    wake() {
      if (timer) check();
    },
    async close() {
      stop();
      pending = false;
      await running;
    },
  };
}

/** Builds the live-updates hub with the waker its database calls for. */
import type { Database } from '../../store/database.ts';
import { EVENTS_CHANNEL } from '../events/record-event.ts';
import { LiveHub, type Waker, type WakeTarget } from './live-hub.ts';
import { sqlitePoller } from './sqlite-poller.ts';

export interface LiveHubOptions {
  database: Pick<Database, 'db' | 'dialect' | 'listen'>;
  log: (message: string) => void;
  /** SQLite: how often to look for writes made by other processes. */
  pollIntervalMs?: number | undefined;
}

/** The hub for this server: NOTIFY-driven on PostgreSQL (across servers), poll-driven on SQLite. */
export function createLiveHub(options: LiveHubOptions): LiveHub {
  const { database, log } = options;
  return new LiveHub(
    database.db,
    (target) => {
      const listen = database.listen;
      if (database.dialect === 'postgres' && listen) return postgresWaker(target, listen, log);
      return sqlitePoller(database.db, target, log, options.pollIntervalMs);
    },
    log,
  );
}

/**
 * Every server that shares the database hears every commit through one LISTEN connection, including its
 * own (recordEvent NOTIFYs inside the writing transaction), so wake() has nothing to add. The connection
 * opens with the first subscriber and then stays until shutdown: a server nobody watches (API or CLI use,
 * most tests) holds no extra connection, and one that is watched does not reconnect each time the last tab
 * closes and the next opens — nor race a closing connection against an opening one.
 */
function postgresWaker(
  target: WakeTarget,
  listen: NonNullable<Database['listen']>,
  log: (message: string) => void,
): Waker {
  let listener: ReturnType<typeof listen> | null = null;
  return {
    start() {
      listener ??= listen({
        channel: EVENTS_CHANNEL,
        onNotification: (productId) => target.poke(productId),
        // Covers commits made before LISTEN took effect, and any whose NOTIFY was lost while disconnected.
        onConnect: () => target.pokeAll(),
        log,
      });
    },
    wake() {},
    async close() {
      await listener?.close();
    },
  };
}

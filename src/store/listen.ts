/**
 * A dedicated PostgreSQL connection that LISTENs on one channel. Pooled connections cannot listen (a
 * notification arrives on the session that asked for it), so this is a client of its own. It reconnects
 * with backoff when the connection drops, and pings it so a connection that died silently (a NAT or
 * failover dropping it without a reset) is noticed within a minute rather than hours.
 */
import pg from 'pg';

const FIRST_RETRY_MS = 250;
const LAST_RETRY_MS = 10_000;
const PING_EVERY_MS = 30_000;
const PING_TIMEOUT_MS = 10_000;

/** The listener's `application_name` in pg_stat_activity. */
export const LISTENER_NAME = 'cairn-listen';

export interface ListenOptions {
  channel: string;
  onNotification(payload: string): void;
  /** After every (re)connection: notifications sent while disconnected are lost, so look again. */
  onConnect(): void;
  log(message: string): void;
}

export interface Listener {
  close(): Promise<void>;
}

export function listen(connectionString: string, options: ListenOptions): Listener {
  let closed = false;
  let client: pg.Client | null = null;
  let delay = FIRST_RETRY_MS;
  let retry: NodeJS.Timeout | null = null;
  let ping: NodeJS.Timeout | null = null;

  /** Drops `lost` (once) and schedules the next attempt. */
  function reconnectAfter(lost: pg.Client, reason: string): void {
    if (lost !== client) return;
    client = null;
    if (ping) clearInterval(ping);
    lost.end().catch(() => {});
    if (closed) return;
    options.log(`live updates: LISTEN connection lost (${reason}); reconnecting in ${delay} ms`);
    retry = setTimeout(connect, delay);
    retry.unref();
    delay = Math.min(delay * 2, LAST_RETRY_MS);
  }

  async function connect(): Promise<void> {
    retry = null;
    if (closed) return;
    const current = new pg.Client({
      connectionString,
      keepAlive: true,
      keepAliveInitialDelayMillis: 10_000,
      // Names the connection in pg_stat_activity, for operators (and tests) looking for it.
      application_name: LISTENER_NAME,
    });
    client = current;
    current.on('notification', (message) => {
      if (message.channel === options.channel && message.payload) options.onNotification(message.payload);
    });
    current.on('error', (error) => reconnectAfter(current, error.message));
    current.on('end', () => reconnectAfter(current, 'connection ended'));
    try {
      await current.connect();
      await current.query(`listen ${current.escapeIdentifier(options.channel)}`);
    } catch (error) {
      reconnectAfter(current, (error as Error).message);
      return;
    }
    if (current !== client) return;
    delay = FIRST_RETRY_MS;
    ping = setInterval(() => {
      const timeout = new Promise<never>((_, reject) => {
        setTimeout(() => reject(new Error('ping timed out')), PING_TIMEOUT_MS).unref();
      });
      Promise.race([current.query('select 1'), timeout]).catch((error: Error) =>
        reconnectAfter(current, error.message),
      );
    }, PING_EVERY_MS);
    ping.unref();
    options.onConnect();
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      if (ping) clearInterval(ping);
      const current = client;
      client = null;
      await current?.end().catch(() => {});
    },
  };
}

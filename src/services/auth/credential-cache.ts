/**
 * Credentials looked up recently, so that a burst of requests with one API token or session costs one
 * database read, not one each. An entry is trusted for CREDENTIAL_TTL_MS from the moment its read
 * started, so a revoked token, an ended session, a disabled user or a changed role written by any process
 * (another server on the same PostgreSQL, the CLI on the same SQLite file) is seen within that time. A
 * revocation or logout made through this server forgets everything at once (`forget`), and a read that
 * was under way meanwhile is used for its own request but not kept. Expiry (absolute and idle) is still
 * checked against the clock on every request by the caller: only the rows are cached.
 */
import type { UserRow } from '../../store/tables.ts';

/** How long a looked-up row is trusted: well inside the 1 s in which every server must see a change. */
export const CREDENTIAL_TTL_MS = 500;
/** Entries kept at most; the oldest goes first. */
const MAX_ENTRIES = 1_000;

interface Entry<Row> {
  row: Row;
  /** performance.now() after which the row is read again. */
  until: number;
}

export class CredentialCache<Row> {
  private readonly entries = new Map<string, Entry<Row>>();
  /** Bumped by forget(): a read that started before it must not be stored after it. */
  private generation = 0;

  /** The row for `key`, from the cache while fresh, else from `load` (a row nobody has is never cached). */
  async lookup(key: string, load: () => Promise<Row | undefined>): Promise<Row | undefined> {
    const started = performance.now();
    const entry = this.entries.get(key);
    if (entry && entry.until > started) return entry.row;
    const generation = this.generation;
    const row = await load();
    if (row === undefined || generation !== this.generation) return row;
    this.entries.delete(key);
    if (this.entries.size >= MAX_ENTRIES) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { row, until: started + CREDENTIAL_TTL_MS });
    return row;
  }

  /** Drops every entry (after a revocation or a logout through this server). */
  forget(): void {
    this.generation += 1;
    this.entries.clear();
  }
}

/** The caches one server keeps: API tokens and sessions, each keyed by the secret's hash. */
export interface CredentialCaches {
  tokens: CredentialCache<ApiTokenUserRow>;
  sessions: CredentialCache<SessionUserRow>;
  forget(): void;
}

/** An API token's row joined with its user's, as resolveApiToken reads it. */
export type ApiTokenUserRow = UserRow & {
  token_id: string;
  token_expires_at: string | null;
  revoked_at: string | null;
  last_used_at: string | null;
  token_scope: 'read' | 'write';
  token_product_ids: string | null;
};

/** A session's row joined with its user's, as resolveSession reads it. */
export type SessionUserRow = UserRow & { last_seen_at: string; expires_at: string };

export function createCredentialCaches(): CredentialCaches {
  const tokens = new CredentialCache<ApiTokenUserRow>();
  const sessions = new CredentialCache<SessionUserRow>();
  return {
    tokens,
    sessions,
    forget() {
      tokens.forget();
      sessions.forget();
    },
  };
}

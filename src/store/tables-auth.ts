/** Tables of calendar feeds and single sign-on (migration 019). Part of store/tables.ts's `Tables`. */

/** A user's secret calendar feed address; only the hash of its secret is stored. */
export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  /** Hex SHA-256 of the secret in the feed's URL. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
}

/** A user's account at an OpenID Connect provider: the (issuer, subject) pair is unique. */
export interface OidcIdentitiesTable {
  id: string;
  user_id: string;
  issuer: string;
  subject: string;
  created_at: string;
  last_login_at: string | null;
}

/** The table of share links (migration 014). Part of store/tables.ts's `Tables`; same column conventions. */

/** A public, read-only address of one audience view of a product; the token itself is never stored. */
export interface ShareLinksTable {
  id: string;
  product_id: string;
  view: 'customer';
  /** Hex SHA-256 of the URL's token. */
  token_hash: string;
  expires_at: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

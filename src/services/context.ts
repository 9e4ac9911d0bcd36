/** What every use case receives: the database (or a transaction), who acts, and when. */
import type { Role } from '../schemas/user.ts';
import type { Db } from '../store/database.ts';

/** What an API token may do: 'read' refuses every write; 'write' is whatever the user's role allows. */
export type TokenScope = 'read' | 'write';

export interface Actor {
  id: string;
  role: Role;
  /** The API token's scope; absent (a session, the CLI) means unrestricted. */
  scope?: TokenScope | undefined;
  /**
   * The products an API token is restricted to (within those the user may see); null or absent means every
   * product the user may see. Product access (products/product-access.ts) honours it.
   */
  productIds?: readonly string[] | null | undefined;
}

export interface ServiceContext {
  db: Db;
  actor: Actor;
  /** The time to record; defaults to the current time. Importers and the demo pass past times. */
  now?: string | undefined;
}

export function timestamp(ctx: { now?: string | undefined }): string {
  return ctx.now ?? new Date().toISOString();
}

/** What every use case receives: the database (or a transaction), who acts, and when. */
import type { Role } from '../schemas/user.ts';
import type { Db } from '../store/database.ts';

export interface Actor {
  id: string;
  role: Role;
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

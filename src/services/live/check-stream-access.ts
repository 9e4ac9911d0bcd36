/**
 * Re-checks an open stream: a logout, a revoked or expired token, a disabled user or a lost membership
 * must not leave a live feed running. The request was authenticated once; the stream asks again on each
 * heartbeat.
 */

import type { Db } from '../../store/database.ts';
import { resolveApiToken, tokenActor } from '../auth/api-tokens.ts';
import { resolveSession } from '../auth/sessions.ts';
import type { AuthSettings } from '../auth/settings.ts';
import { isVisible } from '../products/product-access.ts';

/** The secret the stream's request was authenticated with. */
export interface StreamCredential {
  kind: 'token' | 'session';
  secret: string;
}

/** Whether the credential still works and its user still sees the product. */
export async function checkStreamAccess(ctx: {
  db: Db;
  auth: AuthSettings;
  credential: StreamCredential;
  productId: string;
  now: Date;
}): Promise<boolean> {
  const { db, credential, now } = ctx;
  const token = credential.kind === 'token' ? await resolveApiToken(db, credential.secret, now) : null;
  const user =
    token ??
    (credential.kind === 'session'
      ? await resolveSession(db, credential.secret, ctx.auth, now, { touch: false })
      : null);
  if (!user) return false;
  // A token keeps its product list: the re-check is as narrow as the first check.
  const actor = token ? tokenActor(token) : { id: user.id, role: user.role };
  const product = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', ctx.productId)
    .executeTakeFirst();
  return product !== undefined && (await isVisible(db, actor, product.id));
}

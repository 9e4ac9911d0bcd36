/**
 * Re-checks an open stream: a logout, a revoked or expired token, a disabled user or a lost membership
 * must not leave a live feed running. The request was authenticated once; the stream asks again on each
 * heartbeat.
 */

import type { Db } from '../../store/database.ts';
import { resolveApiToken } from '../auth/api-tokens.ts';
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
  const user =
    credential.kind === 'token'
      ? await resolveApiToken(db, credential.secret, now)
      : await resolveSession(db, credential.secret, ctx.auth, now, { touch: false });
  if (!user) return false;
  const product = await db
    .selectFrom('products')
    .select('id')
    .where('id', '=', ctx.productId)
    .executeTakeFirst();
  return product !== undefined && (await isVisible(db, { id: user.id, role: user.role }, product.id));
}

/**
 * After a write request, tells the live hub to look for the events it committed. On SQLite this is how a
 * change reaches the streams at once (there is no NOTIFY); on PostgreSQL the hub ignores it.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

/** Mounted for write methods only (see app.ts). */
export const wakeLiveHub = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  // The write's transaction has committed by the time its handler returned.
  c.get('options').live.wake();
});

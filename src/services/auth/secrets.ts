/** Random bearer secrets and their stored form. Secrets have 256 bits of entropy, so a plain SHA-256 is a
 *  sufficient one-way store (a slow KDF protects guessable passwords, not random tokens). */
import { hash, randomBytes } from 'node:crypto';

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  // The one-shot form: no Hash object per call (this runs on every authenticated request).
  return hash('sha256', secret, 'hex');
}

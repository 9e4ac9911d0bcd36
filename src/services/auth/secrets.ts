/** Random bearer secrets and their stored form. Secrets have 256 bits of entropy, so a plain SHA-256 is a
 *  sufficient one-way store (a slow KDF protects guessable passwords, not random tokens). */
import { createHash, randomBytes } from 'node:crypto';

export function newSecret(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** The server's word on a refused field, kept per object and field for the form to show there. */
import { ApiError } from '../../api/client.ts';
import type { ProductStore } from '../product-store.ts';

/** The key of one object's field in `store.fieldErrors`. */
export function fieldErrorKey(objectId: string, field: string): string {
  return `${objectId}.${field}`;
}

/** What the server said about this field of this object when it last refused an edit, if anything. */
export function fieldError(store: ProductStore, objectId: string, field: string): string | undefined {
  return store.fieldErrors.get(fieldErrorKey(objectId, field));
}

/**
 * Remembers a refused edit at the field the server named (its first segment: the field the form shows),
 * or forgets the patched fields' old messages once an edit of them is saved.
 */
export function noteFieldErrors(store: ProductStore, objectId: string, patch: object, error?: unknown): void {
  for (const field of Object.keys(patch)) store.fieldErrors.delete(fieldErrorKey(objectId, field));
  if (!(error instanceof ApiError) || error.status !== 400 || !error.field) return;
  const field = error.field.split('.')[0] ?? error.field;
  store.fieldErrors.set(fieldErrorKey(objectId, field), error.issueMessage);
}

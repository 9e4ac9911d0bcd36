/**
 * Grooming writes that change several items in one transaction: merging a duplicate into the item kept,
 * and splitting an item into parts. Types inferred from the server's schemas (type-only imports).
 */
import type { z } from 'zod';
import type { SplitItemInput } from '../../schemas/item.ts';
import { client, ok } from './client.ts';

export type SplitPartBody = z.input<typeof SplitItemInput>['parts'][number];

export const groomingApi = {
  /** Merges `duplicateId` into `keepId`; answers the kept item. */
  merge: (keepId: string, duplicateId: string) =>
    ok(
      client.POST('/items/{idOrKey}/merge', { params: { path: { idOrKey: keepId } }, body: { duplicateId } }),
    ),
  /** Splits the item into 2–10 parts; answers the item (now the first part) and the new parts. */
  split: (itemId: string, parts: SplitPartBody[]) =>
    ok(
      client.POST('/items/{idOrKey}/split', {
        params: { path: { idOrKey: itemId } },
        body: { parts: parts as z.infer<typeof SplitItemInput>['parts'] },
      }),
    ),
};

/** Changes to initiatives from the roadmap and the initiative screen, saved optimistically. */
import type { AnnouncementWords } from '../../api/baselines.ts';
import { ApiError } from '../../api/client.ts';
import { initiativesApi } from '../../api/planning.ts';
import type { InitiativeT } from '../../api/types.ts';
import { notify } from '../notices.ts';
import type { ProductStore } from '../product-store.ts';
import { noteFieldErrors } from './field-errors.ts';
import { describe, failed, inTurn, refusedAsViewer } from './shared.ts';

/**
 * Saves a change to an initiative (horizon, dates, fields), optimistically. Give `baseVersion` for a long
 * edit (a summary): if someone saved since it began, the user sees a conflict instead of overwriting them.
 */
export async function updateInitiative(
  store: ProductStore,
  id: string,
  patch: Partial<Omit<InitiativeT, 'id' | 'productId' | 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>>,
  options: { baseVersion?: number; announcement?: AnnouncementWords } = {},
): Promise<boolean> {
  if (refusedAsViewer(store)) return false;
  const before = store.initiatives.get(id);
  if (!before) return false;
  const release = store.holdInitiativeEdit(id, patch);
  store.changed();
  try {
    const saved = await inTurn(id, () =>
      initiativesApi.update(
        id,
        // A pivot's announcement rides along with the change (the roadmap's changelog keeps it).
        { ...patch, ...options.announcement },
        options.baseVersion ?? store.initiatives.get(id)?.version ?? before.version,
      ),
    );
    release();
    store.acceptInitiative(saved);
    noteFieldErrors(store, id, patch);
    store.changed();
    return true;
  } catch (error) {
    release(); // back to what the server holds, under any other edit still being saved
    noteFieldErrors(store, id, patch, error);
    if (error instanceof ApiError && error.status === 412) {
      const theirs = await initiativesApi.get(id).catch(() => null);
      if (theirs) store.acceptInitiative(theirs);
      notify({
        kind: 'conflict',
        message: `Someone else changed “${before.title}” meanwhile. Your change was not saved.`,
        conflict: {
          title: before.title,
          fields: Object.entries(patch).map(([field, mine]) => ({
            field,
            mine: describe(store, field, mine),
            theirs: theirs
              ? describe(store, field, (theirs as unknown as Record<string, unknown>)[field])
              : '?',
          })),
          retry: () => void updateInitiative(store, id, patch, { announcement: options.announcement }),
        },
      });
      store.changed();
      return false;
    }
    failed(store, `Your change to “${before.title}”`, error);
    return false;
  }
}

/** Creates an initiative and puts it in the store. */
export async function createInitiative(
  store: ProductStore,
  input: Partial<InitiativeT> & { title: string },
): Promise<InitiativeT | null> {
  if (refusedAsViewer(store)) return null;
  try {
    const created = await initiativesApi.create(store.product.id, input);
    store.acceptInitiative(created);
    store.changed();
    return created;
  } catch (error) {
    failed(store, `The initiative “${input.title}”`, error);
    return null;
  }
}

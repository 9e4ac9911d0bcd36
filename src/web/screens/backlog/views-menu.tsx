/**
 * Saved views on the backlog: pick one (its filters go to the URL), save the current filters under a name,
 * update, rename or delete the view in use (a delete can be undone). Viewers may pick, not save.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import { type SavedViewT, viewsApi } from '../../api/views.ts';
import { notify } from '../../state/notices.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useViews } from '../../state/use-plan-lists.ts';
import { completeFilters, sameFilters } from './backlog-filters.ts';
import type { FilterControls } from './use-backlog-filters.ts';

type Editing = { mode: 'save' } | { mode: 'rename'; view: SavedViewT } | null;

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.issueMessage : (error as Error).message;
}

export function ViewsMenu(props: { store: ProductStore; controls: FilterControls }) {
  const { store, controls } = props;
  const productId = store.product.id;
  const queryClient = useQueryClient();
  const { views, error: listError } = useViews(productId);
  const [editing, setEditing] = useState<Editing>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);
  // The user asked for the name field ("Save view…", "Rename"): it takes the focus.
  useEffect(() => {
    if (editing) nameRef.current?.focus();
  }, [editing]);
  const current = views.find((view) => view.id === controls.viewId) ?? null;
  const changed = current !== null && !sameFilters(completeFilters(current.filters), controls.filters);
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.views(productId) });

  const pick = (id: string) => {
    const view = views.find((v) => v.id === id);
    if (view) controls.apply(completeFilters(view.filters), view.id);
    else controls.apply(controls.filters, null);
  };

  const startEditing = (next: Editing) => {
    setEditing(next);
    setName(next?.mode === 'rename' ? next.view.name : '');
    setNameError(null);
  };

  const submit = async () => {
    const text = name.trim();
    if (!text) {
      setNameError('A view needs a name.');
      return;
    }
    setBusy(true);
    try {
      if (editing?.mode === 'rename') {
        await viewsApi.update(editing.view, { name: text });
      } else {
        const created = await viewsApi.create(productId, text, controls.filters);
        controls.apply(completeFilters(created.filters), created.id);
      }
      await refresh();
      startEditing(null);
    } catch (error) {
      // A duplicate name (or any refusal of the name) shows at the name field; anything else as a notice.
      if (error instanceof ApiError && (error.field === 'name' || error.code === 'duplicate_name')) {
        setNameError(messageOf(error));
      } else {
        setNameError(null);
        notify({ kind: 'error', message: `The view was not saved: ${messageOf(error)}` });
      }
    } finally {
      setBusy(false);
    }
  };

  const update = async (view: SavedViewT) => {
    try {
      await viewsApi.update(view, { filters: controls.filters });
      await refresh();
      notify({ kind: 'info', message: `“${view.name}” now holds these filters.` });
    } catch (error) {
      notify({ kind: 'error', message: `“${view.name}” was not updated: ${messageOf(error)}` });
      await refresh();
    }
  };

  const remove = async (view: SavedViewT) => {
    try {
      await viewsApi.remove(view.id);
      controls.apply(controls.filters, null);
      await refresh();
      notify({
        kind: 'info',
        message: `View “${view.name}” deleted.`,
        action: {
          label: 'Undo',
          run: () =>
            void viewsApi
              .restore(view.id)
              .then(refresh)
              .catch((error: unknown) => notify({ kind: 'error', message: messageOf(error) })),
        },
      });
    } catch (error) {
      notify({ kind: 'error', message: `“${view.name}” was not deleted: ${messageOf(error)}` });
    }
  };

  return (
    <div className="views-menu">
      <select
        aria-label="Saved views"
        value={current?.id ?? ''}
        onChange={(event) => pick(event.target.value)}
      >
        <option value="">{views.length === 0 ? 'No saved views' : 'Saved views…'}</option>
        {views.map((view) => (
          <option key={view.id} value={view.id}>
            {view.id === current?.id && changed ? `${view.name} (changed)` : view.name}
          </option>
        ))}
      </select>
      {listError && (
        <span className="form-error" role="alert">
          Views could not be read: {listError}
        </span>
      )}
      {!store.readOnly && editing === null && (
        <>
          <button type="button" onClick={() => startEditing({ mode: 'save' })}>
            Save view…
          </button>
          {current && changed && (
            <button type="button" onClick={() => void update(current)}>
              Update “{current.name}”
            </button>
          )}
          {current && (
            <>
              <button type="button" onClick={() => startEditing({ mode: 'rename', view: current })}>
                Rename
              </button>
              <button type="button" onClick={() => void remove(current)}>
                Delete view
              </button>
            </>
          )}
        </>
      )}
      {editing !== null && (
        <form
          className="views-form"
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
        >
          <input
            aria-label={editing.mode === 'save' ? 'Name of the new view' : 'New name of the view'}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? 'view-name-error' : undefined}
            maxLength={LIMITS.viewName}
            ref={nameRef}
            value={name}
            onChange={(event) => setName(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.preventDefault();
                event.stopPropagation();
                startEditing(null);
              }
            }}
          />
          <button type="submit" disabled={busy}>
            {editing.mode === 'save' ? 'Save' : 'Rename'}
          </button>
          <button type="button" onClick={() => startEditing(null)}>
            Cancel
          </button>
          {nameError && (
            <span id="view-name-error" className="form-error" role="alert">
              {nameError}
            </span>
          )}
        </form>
      )}
    </div>
  );
}

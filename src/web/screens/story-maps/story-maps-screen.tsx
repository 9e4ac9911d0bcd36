/**
 * /p/:key/story-maps — the product's story maps, and (for editors) a form for a new one, optionally tied
 * to an initiative. Opens the map once it exists; a map can go to the trash from here.
 */

import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import { storyMapsApi } from '../../api/story-maps.ts';
import { DocTabs } from '../../components/doc-tabs.tsx';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { notify } from '../../state/notices.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { messageOf } from './use-story-map.ts';
import './story-maps.css';

export function StoryMapsScreen() {
  const store = useStore();
  const productId = store.product.id;
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const { data, error } = useQuery({
    queryKey: queryKeys.storyMapList(productId),
    queryFn: ({ signal }) => storyMapsApi.list(productId, signal),
  });
  const [name, setName] = useState('');
  const [initiativeId, setInitiativeId] = useState('');
  const [formError, setFormError] = useState<unknown>(null);
  const initiatives = [...store.initiatives.values()];
  const initiativeTitle = (id: string | null) => (id ? store.initiatives.get(id)?.title : undefined);

  return (
    <main className="screen story-maps-screen">
      <DocTabs productKey={store.product.key} />
      <h1>Story maps</h1>
      {error && (
        <p className="form-error" role="alert">
          The story maps could not be loaded: {messageOf(error)}
        </p>
      )}
      {!data && !error && (
        <p aria-busy="true" className="hint">
          Loading story maps…
        </p>
      )}
      {data?.length === 0 && <p className="hint">No story maps yet.</p>}
      {data && data.length > 0 && (
        <ul className="sm-list">
          {data.map((map) => (
            <li key={map.id}>
              <Link to={paths.storyMap(store.product.key, map.id)}>{map.name}</Link>
              {initiativeTitle(map.initiativeId) && (
                <span className="hint"> · {initiativeTitle(map.initiativeId)}</span>
              )}
              {!store.readOnly && (
                <button
                  type="button"
                  className="sm-list-trash"
                  aria-label={`Move ${map.name} to the trash`}
                  onClick={async () => {
                    try {
                      await storyMapsApi.remove(map.id);
                      notify({
                        kind: 'info',
                        message: `Story map "${map.name}" moved to the trash.`,
                        action: {
                          label: 'Undo',
                          run: () =>
                            void storyMapsApi.restore(map.id).then(() =>
                              queryClient.invalidateQueries({
                                queryKey: queryKeys.storyMapList(productId),
                              }),
                            ),
                        },
                      });
                    } catch (failure) {
                      notify({ kind: 'error', message: messageOf(failure) });
                    }
                    void queryClient.invalidateQueries({ queryKey: queryKeys.storyMapList(productId) });
                  }}
                >
                  Trash
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {!store.readOnly && (
        <form
          className="sm-create"
          aria-label="New story map"
          onSubmit={async (event) => {
            event.preventDefault();
            if (!name.trim()) return;
            try {
              const map = await storyMapsApi.create(productId, {
                name: name.trim(),
                ...(initiativeId && { initiativeId }),
              });
              void queryClient.invalidateQueries({ queryKey: queryKeys.storyMapList(productId) });
              navigate(paths.storyMap(store.product.key, map.id));
            } catch (failure) {
              setFormError(failure);
            }
          }}
        >
          <h2>New story map</h2>
          <label>
            Name{' '}
            <input
              value={name}
              maxLength={LIMITS.storyMapName}
              onChange={(event) => setName(event.target.value)}
            />
          </label>
          <label>
            Initiative{' '}
            <select value={initiativeId} onChange={(event) => setInitiativeId(event.target.value)}>
              <option value="">None</option>
              {initiatives.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" disabled={!name.trim()}>
            Create map
          </button>
          <FormError error={formError} />
        </form>
      )}
    </main>
  );
}

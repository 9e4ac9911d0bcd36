/**
 * The product's teams and sprints, fetched when a screen needs them and refetched (debounced) when a team or
 * sprint event arrives on the live stream. The last answer per product is kept, so coming back to the sprint
 * list or the board shows it at once while it refreshes.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { type SprintT, sprintsApi, type TeamT, teamsApi } from '../../api/execution.ts';
import type { ProductStore } from '../../state/product-store.ts';

export interface TeamsAndSprints {
  teams: TeamT[];
  sprints: SprintT[];
  status: 'loading' | 'ready' | 'error';
  error: string | null;
  reload: () => void;
}

type Loaded = Pick<TeamsAndSprints, 'teams' | 'sprints'>;
const lastLoaded = new Map<string, Loaded>();

/** Live events that change the list: a team or sprint changed, created or trashed. */
const RELOAD_ON = new Set(['team', 'sprint']);
const DEBOUNCE_MS = 250;

export function useTeamsAndSprints(store: ProductStore): TeamsAndSprints {
  const productId = store.product.id;
  const [loaded, setLoaded] = useState<Loaded | null>(() => lastLoaded.get(productId) ?? null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);

  const reload = useCallback(() => {
    const mine = ++generation.current;
    Promise.all([teamsApi.list(productId), sprintsApi.list(productId)]).then(
      ([teams, sprints]) => {
        if (mine !== generation.current) return;
        const next = { teams, sprints };
        lastLoaded.set(productId, next);
        setLoaded(next);
        setError(null);
      },
      (failure: unknown) => {
        if (mine !== generation.current) return;
        setError((failure as Error).message);
      },
    );
  }, [productId]);

  useEffect(() => {
    reload();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = store.onEvent((event) => {
      if (!RELOAD_ON.has(event.entityType)) return;
      clearTimeout(timer);
      timer = setTimeout(reload, DEBOUNCE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer);
      generation.current += 1;
    };
  }, [store, reload]);

  return {
    teams: loaded?.teams ?? [],
    sprints: loaded?.sprints ?? [],
    status: loaded ? 'ready' : error ? 'error' : 'loading',
    error,
    reload,
  };
}

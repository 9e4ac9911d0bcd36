/**
 * The dependency map laid out, computed in a Web Worker (layout-worker.ts) so a large map never freezes
 * the page. While a new layout is computed the last one stays drawn; where workers are not available the
 * layout runs here instead.
 */
import { useEffect, useState } from 'react';
import type { DependencyMapT } from '../../api/analysis.ts';
import type { GraphLayout } from './graph-geometry.ts';

export type LayoutRequest = Pick<DependencyMapT, 'nodes' | 'edges' | 'criticalPath'>;
export type LayoutAnswer = { layout: GraphLayout } | { error: string };

export interface GraphLayoutState {
  /** The latest layout made, possibly of an earlier map while `laying`. */
  layout: GraphLayout | null;
  /** A layout of the current map is being computed. */
  laying: boolean;
  error: string | null;
}

/** `map` must keep its identity while its content does (a memo over the query's structurally shared data). */
export function useGraphLayout(map: LayoutRequest | null): GraphLayoutState {
  const [done, setDone] = useState<{ map: LayoutRequest; answer: LayoutAnswer } | null>(null);
  useEffect(() => {
    if (!map) return;
    let current = true;
    const finish = (answer: LayoutAnswer) => {
      if (current) setDone({ map, answer });
    };
    const worker = startWorker();
    if (worker) {
      worker.onmessage = (event: MessageEvent<LayoutAnswer>) => finish(event.data);
      // A worker that could not start (a blocked script, an old browser): lay out here rather than fail.
      worker.onerror = (event) => {
        event.preventDefault();
        void layOutHere(map).then(finish);
      };
      worker.postMessage(map);
    } else {
      void layOutHere(map).then(finish);
    }
    return () => {
      current = false;
      worker?.terminate();
    };
  }, [map]);
  const answer = done?.answer;
  const layout = answer && 'layout' in answer ? answer.layout : null;
  return {
    layout,
    laying: map !== null && done?.map !== map,
    error: answer && 'error' in answer && done?.map === map ? answer.error : null,
  };
}

function startWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  try {
    return new Worker(new URL('./layout-worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

async function layOutHere(map: LayoutRequest): Promise<LayoutAnswer> {
  try {
    const { layoutGraph } = await import('./graph-layout.ts');
    return { layout: layoutGraph(map) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

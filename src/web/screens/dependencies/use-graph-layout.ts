/**
 * The dependency map laid out, computed in a Web Worker (layout-worker.ts) so a large map never freezes
 * the page. While a new layout is computed the last one stays drawn. The layout code (dagre) ships once,
 * in the worker: a browser that cannot start one gets the error in place of the map.
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
      worker.onerror = (event) => {
        event.preventDefault();
        finish({ error: `the map could not be laid out: ${event.message || 'the layout worker failed'}` });
      };
      worker.postMessage(map);
    } else {
      finish({ error: 'the map could not be laid out: this browser cannot start a Web Worker' });
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

/**
 * Lays the dependency map out off the main thread: a map of 2,000 nodes takes dagre about a second, which
 * would freeze the page each time the plan changes. One request, one answer; use-graph-layout.ts starts a
 * worker per layout and ends it after.
 */
import { layoutGraph } from './graph-layout.ts';
import type { LayoutAnswer, LayoutRequest } from './use-graph-layout.ts';

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  let answer: LayoutAnswer;
  try {
    answer = { layout: layoutGraph(event.data) };
  } catch (error) {
    answer = { error: error instanceof Error ? error.message : String(error) };
  }
  self.postMessage(answer);
};

/**
 * Screens loaded on demand: the first paint of the backlog (the heaviest route) parses only the code it
 * needs, and the rest is fetched while the browser is idle right after, so a later click never waits.
 * The command palette and the help stay in the main bundle (a few kB): keys typed right after Ctrl+K
 * must land in the palette even in the first second.
 */
import { lazy } from 'react';

const board = () => import('./roadmap/board-screen.tsx');
const timeline = () => import('./roadmap/timeline-screen.tsx');
const initiative = () => import('./initiatives/initiative-screen.tsx');
const itemPanel = () => import('./items/item-panel.tsx');

export const RoadmapBoardScreen = lazy(() => board().then((m) => ({ default: m.RoadmapBoardScreen })));
export const TimelineScreen = lazy(() => timeline().then((m) => ({ default: m.TimelineScreen })));
export const InitiativeScreen = lazy(() => initiative().then((m) => ({ default: m.InitiativeScreen })));
export const ItemPanel = lazy(() => itemPanel().then((m) => ({ default: m.ItemPanel })));

let preloaded = false;
/** Fetches every lazy screen once the browser has nothing better to do. */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const load = () => {
    for (const chunk of [itemPanel, board, timeline, initiative]) void chunk();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 300);
}

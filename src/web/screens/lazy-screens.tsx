/**
 * Screens loaded on demand: the first paint of the backlog (the heaviest route) parses only the code it
 * needs, and the rest is fetched while the browser is idle right after, so a later click never waits.
 * The command palette and the help stay in the main bundle (a few kB): keys typed right after Ctrl+K
 * must land in the palette even in the first second.
 */
import { lazy } from 'react';
import { prefetchStoryMapOf } from '../api/story-maps.ts';

const board = () => import('./roadmap/board-screen.tsx');
const timeline = () => import('./roadmap/timeline-screen.tsx');
const initiative = () => import('./initiatives/initiative-screen.tsx');
const itemPanel = () => import('./items/item-panel.tsx');
const sprints = () => import('./sprints/sprints-screen.tsx');
const sprint = () => import('./sprints/sprint-screen.tsx');
const sprintBoard = () => import('./board/sprint-board-screen.tsx');
const reports = () => import('./reports/reports-screen.tsx');
const releases = () => import('./releases/releases-screen.tsx');
const release = () => import('./releases/release-screen.tsx');
const grooming = () => import('./grooming/grooming-screen.tsx');
const dependencies = () => import('./dependencies/dependencies-screen.tsx');
const health = () => import('./health/health-screen.tsx');
const vision = () => import('./vision/vision-screen.tsx');
const productHome = () => import('./home/product-home-screen.tsx');
const audiences = () => import('./audience/audiences-screen.tsx');
const storyMaps = () => import('./story-maps/story-maps-screen.tsx');
const prds = () => import('./prds/prds-screen.tsx');
const prd = () => import('./prds/prd-screen.tsx');
const imports = () => import('./imports/import-screen.tsx');
const webhooks = () => import('./webhooks/webhooks-screen.tsx');
// The map's own read starts with its code, not after it (a first load at a map's address).
const storyMap = () => {
  prefetchStoryMapOf(window.location.pathname);
  return import('./story-maps/story-map-screen.tsx');
};

export const RoadmapBoardScreen = lazy(() => board().then((m) => ({ default: m.RoadmapBoardScreen })));
export const TimelineScreen = lazy(() => timeline().then((m) => ({ default: m.TimelineScreen })));
export const InitiativeScreen = lazy(() => initiative().then((m) => ({ default: m.InitiativeScreen })));
export const ItemPanel = lazy(() => itemPanel().then((m) => ({ default: m.ItemPanel })));
export const SprintsScreen = lazy(() => sprints().then((m) => ({ default: m.SprintsScreen })));
export const SprintScreen = lazy(() => sprint().then((m) => ({ default: m.SprintScreen })));
export const SprintBoardScreen = lazy(() => sprintBoard().then((m) => ({ default: m.SprintBoardScreen })));
export const ReportsScreen = lazy(() => reports().then((m) => ({ default: m.ReportsScreen })));
export const ReleasesScreen = lazy(() => releases().then((m) => ({ default: m.ReleasesScreen })));
export const ReleaseScreen = lazy(() => release().then((m) => ({ default: m.ReleaseScreen })));
export const GroomingScreen = lazy(() => grooming().then((m) => ({ default: m.GroomingScreen })));
export const DependenciesScreen = lazy(() => dependencies().then((m) => ({ default: m.DependenciesScreen })));
export const HealthScreen = lazy(() => health().then((m) => ({ default: m.HealthScreen })));
export const VisionScreen = lazy(() => vision().then((m) => ({ default: m.VisionScreen })));
export const ProductHomeScreen = lazy(() => productHome().then((m) => ({ default: m.ProductHomeScreen })));
export const AudiencesScreen = lazy(() => audiences().then((m) => ({ default: m.AudiencesScreen })));
export const PrdsScreen = lazy(() => prds().then((m) => ({ default: m.PrdsScreen })));
export const PrdScreen = lazy(() => prd().then((m) => ({ default: m.PrdScreen })));
export const ImportScreen = lazy(() => imports().then((m) => ({ default: m.ImportScreen })));
export const WebhooksScreen = lazy(() => webhooks().then((m) => ({ default: m.WebhooksScreen })));
export const StoryMapsScreen = lazy(() => storyMaps().then((m) => ({ default: m.StoryMapsScreen })));
export const StoryMapScreen = lazy(() => storyMap().then((m) => ({ default: m.StoryMapScreen })));

let preloaded = false;
/** Fetches every lazy screen once the browser has nothing better to do. */
export function preloadScreens(): void {
  if (preloaded) return;
  preloaded = true;
  const load = () => {
    for (const chunk of [itemPanel, board, timeline, initiative, sprints, sprintBoard]) void chunk();
  };
  if ('requestIdleCallback' in window) window.requestIdleCallback(load, { timeout: 2000 });
  else setTimeout(load, 300);
}

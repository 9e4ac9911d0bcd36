/** The product's screens as links: their addresses and names, in the order the profile leads with. */
import { paths } from '../../routes.ts';
import type { LeadingScreenT } from './use-process.ts';

export const SCREEN_LINKS: Record<
  LeadingScreenT,
  { label: string; to: (key: string) => string; about: string }
> = {
  backlog: { label: 'Backlog', to: paths.backlog, about: 'Everything to do, ranked' },
  board: { label: 'Board', to: paths.board, about: 'Work in progress, column by column' },
  roadmap: { label: 'Roadmap', to: paths.roadmap, about: 'Initiatives by horizon' },
  timeline: { label: 'Timeline', to: paths.timeline, about: 'Initiatives over time' },
  sprints: { label: 'Sprints', to: paths.sprints, about: 'Plan and run sprints' },
  releases: { label: 'Releases', to: paths.releases, about: 'What ships when, and its notes' },
  health: { label: 'Insights', to: paths.health, about: 'Health, grooming, dependencies, charts' },
  vision: { label: 'Vision', to: paths.vision, about: 'Where the product goes this year' },
};

/** The address the header's Home entry stands for: the product home. */
export function isHomePath(pathname: string): boolean {
  return /^\/p\/[A-Za-z]{2,10}\/?$/.test(pathname);
}

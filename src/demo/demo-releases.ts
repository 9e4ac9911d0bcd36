/**
 * Plans the demo's releases: two shipped (each with the work finished before it, its notes generated and
 * published) and one planned with the work in flight. Pure: the item steps in, release steps out.
 */
import type { Step } from './demo-history.ts';

export type ReleaseStep = { day: number } & (
  | { kind: 'release.create'; release: number }
  | { kind: 'release.assign'; release: number; item: number }
  | { kind: 'release.publish'; release: number }
);

export interface DemoRelease {
  name: string;
  description: string;
  /** Days from today: when it is created, and its target (and ship) day. */
  created: number;
  target: number;
  shipped: boolean;
}

export const DEMO_RELEASES: DemoRelease[] = [
  {
    name: '3.4',
    description: 'One-page checkout for everyone; the first retry of declined payments.',
    created: -100,
    target: -58,
    shipped: true,
  },
  {
    name: '3.5',
    description: 'Wallets, local prices and fewer failed payments.',
    created: -60,
    target: -23,
    shipped: true,
  },
  { name: '3.6', description: 'Saved cards and the EU launch.', created: -25, target: 14, shipped: false },
];

export function planReleases(steps: Step[]): ReleaseStep[] {
  const out: ReleaseStep[] = [];
  for (const [release, r] of DEMO_RELEASES.entries())
    out.push({ day: r.created, kind: 'release.create', release });
  const doneDay = new Map<number, number>();
  const inFlight = new Set<number>();
  for (const step of steps) {
    if (step.kind !== 'item.update' || step.patch.status === undefined) continue;
    if (step.patch.status === 'done') doneDay.set(step.item, step.day);
    else if (step.patch.status === 'wont_do') doneDay.delete(step.item);
    else if (step.patch.status === 'in_progress' || step.patch.status === 'in_review')
      inFlight.add(step.item);
  }
  for (const [item, day] of doneDay) {
    const release = DEMO_RELEASES.findIndex((r) => day < r.target && day >= r.created - 60);
    if (release < 0) continue;
    const created = DEMO_RELEASES[release]?.created ?? day;
    out.push({ day: Math.max(day, created) + 0.001, kind: 'release.assign', release, item });
  }
  const planned = DEMO_RELEASES.findIndex((r) => !r.shipped);
  for (const item of inFlight) {
    if (!doneDay.has(item)) out.push({ day: -0.5, kind: 'release.assign', release: planned, item });
  }
  for (const [release, r] of DEMO_RELEASES.entries()) {
    if (r.shipped) out.push({ day: r.target + 0.5, kind: 'release.publish', release });
  }
  return out.sort((a, b) => a.day - b.day);
}

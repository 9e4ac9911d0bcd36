/**
 * Whether a backlog item is ready to be worked on in a sprint, and if not, every reason why: it has no
 * estimate, no acceptance criteria, or it waits on something still open (another item or an external
 * business dependency). Pure: the caller loads the item's blockers.
 */
import { HIDDEN_ITEM_LABEL } from './hidden-item.ts';
import type { Status } from './item-replay.ts';

export interface ReadinessItem {
  estimate: number | null;
  /** How many acceptance criteria the item has. */
  criteriaTotal: number;
}

/** Something the item depends on: another item (open unless done, won't do or trashed) or an external one. */
export type Blocker =
  /** `key` and `title` are null when the item is in a product the reader may not see. */
  | { external: false; key: string | null; title: string | null; status: Status; deleted: boolean }
  | { external: true; title: string; met: boolean };

export interface NotReadyReason {
  code: 'no_estimate' | 'no_acceptance_criteria' | 'blocked';
  message: string;
  blockers?: { key: string | null; title: string | null; external: boolean }[];
}

const statusWords: Record<Status, string> = {
  backlog: 'in the backlog',
  ready: 'ready',
  in_progress: 'in progress',
  in_review: 'in review',
  done: 'done',
  wont_do: "won't do",
};

/** Whether a blocker still holds the item back. */
export function isOpenBlocker(blocker: Blocker): boolean {
  if (blocker.external) return !blocker.met;
  return !blocker.deleted && blocker.status !== 'done' && blocker.status !== 'wont_do';
}

function describeBlocker(blocker: Blocker): string {
  if (blocker.external) return `waiting on ${JSON.stringify(blocker.title)} (external)`;
  // Not even its status: how far another product's work has got is theirs to tell.
  if (blocker.key === null) return `blocked by ${HIDDEN_ITEM_LABEL}`;
  return `blocked by ${blocker.key} ${JSON.stringify(blocker.title)} (${statusWords[blocker.status]})`;
}

/** Every reason the item is not ready, in a fixed order; empty when it is ready. */
export function notReadyReasons(item: ReadinessItem, blockers: readonly Blocker[]): NotReadyReason[] {
  const reasons: NotReadyReason[] = [];
  if (item.estimate === null) reasons.push({ code: 'no_estimate', message: 'no estimate' });
  if (item.criteriaTotal === 0) {
    reasons.push({ code: 'no_acceptance_criteria', message: 'no acceptance criteria' });
  }
  // Items first, then external dependencies: what the team can unblock itself comes first.
  const open = blockers.filter(isOpenBlocker).sort((a, b) => Number(a.external) - Number(b.external));
  if (open.length > 0) {
    reasons.push({
      code: 'blocked',
      message: open.map(describeBlocker).join('; '),
      blockers: open.map((b) => ({ key: b.external ? null : b.key, title: b.title, external: b.external })),
    });
  }
  return reasons;
}

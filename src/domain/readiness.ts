/**
 * Whether a backlog item is ready to be worked on in a sprint, and if not, every reason why: one reason
 * per rule of the product's Definition of Ready it fails (domain/definition-of-ready.ts), such as no
 * estimate, no acceptance criteria, too large for a sprint, or waiting on something still open (another
 * item or an external business dependency). Pure: the caller loads the item's blockers and velocity.
 */
import {
  DEFAULT_DEFINITION_OF_READY,
  type DefinitionOfReady,
  isUserStory,
  type NotReadyCode,
  type StoryParts,
  sprintFitLimit,
} from './definition-of-ready.ts';
import { HIDDEN_ITEM_LABEL } from './hidden-item.ts';
import type { Status } from './item-replay.ts';

export interface ReadinessItem {
  estimate: number | null;
  /** How many acceptance criteria the item has. */
  criteriaTotal: number;
  /** Absent: the rules that read it pass (callers that only know the three sprint rules). */
  type?: 'story' | 'task' | 'bug' | 'spike';
  story?: StoryParts | null;
  description?: string;
  initiativeId?: string | null;
}

/** What rules read beyond the item: the velocity that sets "fits a sprint" (null: no history yet). */
export interface ReadinessContext {
  definition: DefinitionOfReady;
  velocity: number | null;
  /** The "too large" reason of each estimate, made once per context (a report shares it between items). */
  tooLarge?: Map<number, NotReadyReason>;
}

const DEFAULT_CONTEXT: ReadinessContext = { definition: DEFAULT_DEFINITION_OF_READY, velocity: null };

/** Something the item depends on: another item (open unless done, won't do or trashed) or an external one. */
export type Blocker =
  /** `key` and `title` are null when the item is in a product the reader may not see. */
  | { external: false; key: string | null; title: string | null; status: Status; deleted: boolean }
  | { external: true; title: string; met: boolean };

export interface NotReadyReason {
  code: NotReadyCode;
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

/** The reasons whose words never change, made once: a report of 100,000 items shares them. */
const FIXED: Record<
  'no_estimate' | 'no_acceptance_criteria' | 'not_user_story' | 'no_description' | 'no_initiative',
  NotReadyReason
> = {
  no_estimate: Object.freeze({ code: 'no_estimate', message: 'no estimate' }),
  no_acceptance_criteria: Object.freeze({
    code: 'no_acceptance_criteria',
    message: 'no acceptance criteria',
  }),
  not_user_story: Object.freeze({
    code: 'not_user_story',
    message: 'not written as "As a …, I want … so that …"',
  }),
  no_description: Object.freeze({ code: 'no_description', message: 'no description' }),
  no_initiative: Object.freeze({ code: 'no_initiative', message: 'serves no initiative' }),
};
const NON_SPACE = /\S/;

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

/** Every reason the item is not ready, one per failed rule in READY_RULES order; empty when it is ready. */
export function notReadyReasons(
  item: ReadinessItem,
  blockers: readonly Blocker[],
  context: ReadinessContext = DEFAULT_CONTEXT,
): NotReadyReason[] {
  const { enabled, fitsSprint } = context.definition;
  const reasons: NotReadyReason[] = [];
  if (enabled.has('estimated') && item.estimate === null) {
    reasons.push(FIXED.no_estimate);
  }
  if (enabled.has('acceptance_criteria') && item.criteriaTotal === 0) {
    reasons.push(FIXED.no_acceptance_criteria);
  }
  if (
    enabled.has('user_story') &&
    item.type === 'story' &&
    item.story !== undefined &&
    !isUserStory(item.story)
  ) {
    reasons.push(FIXED.not_user_story);
  }
  if (enabled.has('fits_sprint') && item.estimate !== null) {
    const limit = sprintFitLimit(fitsSprint, context.velocity);
    if (item.estimate > limit) {
      let reason = context.tooLarge?.get(item.estimate);
      if (!reason) {
        reason = Object.freeze({
          code: 'too_large',
          message: `${item.estimate} points is more than a sprint takes (at most ${limit}); split it`,
        });
        context.tooLarge?.set(item.estimate, reason);
      }
      reasons.push(reason);
    }
  }
  // Looks for one character that is not a space, rather than trimming a whole description.
  if (enabled.has('description') && item.description !== undefined && !NON_SPACE.test(item.description)) {
    reasons.push(FIXED.no_description);
  }
  if (enabled.has('initiative') && item.initiativeId === null) {
    reasons.push(FIXED.no_initiative);
  }
  // Items first, then external dependencies: what the team can unblock itself comes first.
  const open =
    enabled.has('unblocked') && blockers.length > 0
      ? blockers.filter(isOpenBlocker).sort((a, b) => Number(a.external) - Number(b.external))
      : [];
  if (open.length > 0) {
    reasons.push({
      code: 'blocked',
      message: open.map(describeBlocker).join('; '),
      blockers: open.map((b) => ({ key: b.external ? null : b.key, title: b.title, external: b.external })),
    });
  }
  return reasons;
}

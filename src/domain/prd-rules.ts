/**
 * A PRD's life: its statuses and the legal moves between them, and its reviewers' decisions. Pure: the
 * services call these under the product's write lock.
 */

export const PRD_STATUSES = ['draft', 'in_review', 'approved', 'superseded'] as const;
export type PrdStatusName = (typeof PRD_STATUSES)[number];

export const REVIEW_DECISIONS = ['pending', 'approved', 'changes_requested'] as const;
export type ReviewDecisionName = (typeof REVIEW_DECISIONS)[number];

/** Where each status may go next: forward, or one step back to rework. A superseded PRD is final. */
export const NEXT_STATUSES: Readonly<Record<PrdStatusName, readonly PrdStatusName[]>> = {
  draft: ['in_review'],
  in_review: ['draft', 'approved'],
  approved: ['in_review', 'superseded'],
  superseded: [],
};

export function canMove(from: PrdStatusName, to: PrdStatusName): boolean {
  return NEXT_STATUSES[from].includes(to);
}

export interface ReviewerState {
  userId: string;
  decision: ReviewDecisionName;
  decidedAt: string | null;
}

/** The approval rule: at least one reviewer, and every reviewer approved. */
export function everyoneApproved(reviewers: readonly ReviewerState[]): boolean {
  return reviewers.length > 0 && reviewers.every((r) => r.decision === 'approved');
}

/** Every decision back to pending: a new round of review. */
export function resetDecisions(reviewers: readonly ReviewerState[]): ReviewerState[] {
  return reviewers.map((r) => ({ userId: r.userId, decision: 'pending', decidedAt: null }));
}

/**
 * The reviewer list `userIds` names, in its order without repeats: a reviewer already on the list keeps
 * their decision, a new one starts pending.
 */
export function withReviewers(
  current: readonly ReviewerState[],
  userIds: readonly string[],
): ReviewerState[] {
  const held = new Map(current.map((r) => [r.userId, r]));
  return [...new Set(userIds)].map(
    (userId) => held.get(userId) ?? { userId, decision: 'pending', decidedAt: null },
  );
}

/** The list with `userId`'s decision recorded at `at`; unchanged when they are not a reviewer. */
export function recordDecision(
  reviewers: readonly ReviewerState[],
  userId: string,
  decision: ReviewDecisionName,
  at: string,
): ReviewerState[] {
  return reviewers.map((r) => (r.userId === userId ? { userId, decision, decidedAt: at } : r));
}

/** How a status reads to people (the web, the exports). */
export const PRD_STATUS_LABELS: Readonly<Record<PrdStatusName, string>> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  superseded: 'Superseded',
};

/** How a reviewer's decision reads to people. */
export const DECISION_LABELS: Readonly<Record<ReviewDecisionName, string>> = {
  pending: 'Pending',
  approved: 'Approved',
  changes_requested: 'Changes requested',
};

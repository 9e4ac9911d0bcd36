/**
 * A product's Definition of Ready: the rules an item must pass before a team takes it into a sprint. Each
 * rule can be switched off; "fits a sprint" carries its limit. The rule list and the default settings live
 * here so that the server, the web app and the readiness report read one copy.
 */

/** Every rule, in the order reasons are reported (what the team can fix itself first, blockers last). */
export const READY_RULES = [
  'estimated',
  'acceptance_criteria',
  'user_story',
  'fits_sprint',
  'description',
  'initiative',
  'unblocked',
] as const;
export type ReadyRule = (typeof READY_RULES)[number];

/** What a failed rule is called in a NotReadyReason: one code per rule. */
export const REASON_CODES = {
  estimated: 'no_estimate',
  acceptance_criteria: 'no_acceptance_criteria',
  user_story: 'not_user_story',
  fits_sprint: 'too_large',
  description: 'no_description',
  initiative: 'no_initiative',
  unblocked: 'blocked',
} as const satisfies Record<ReadyRule, string>;
export type NotReadyCode = (typeof REASON_CODES)[ReadyRule];

/** What each rule asks, in the words the web app shows beside its switch. */
export const RULE_LABELS: Record<ReadyRule, string> = {
  estimated: 'Estimated',
  acceptance_criteria: 'Has acceptance criteria',
  user_story: 'Stories are written as a user story (As a … I want … so that …)',
  fits_sprint: 'Fits in a sprint',
  description: 'Has a description',
  initiative: 'Linked to an initiative',
  unblocked: 'No open blocking dependency (item or external)',
};

/** "Fits a sprint": at most `maxPoints`, or at most `velocityShare` of the velocity once there is one. */
export interface FitsSprintLimit {
  /** The limit while there is no velocity history, and always when velocityShare is null. */
  maxPoints: number;
  /**
   * A share (0–1] of the velocity (the item's team's if it has one, else the product's over all its
   * sprints); null: always maxPoints.
   */
  velocityShare: number | null;
}

export interface DefinitionOfReady {
  /** The rules in force; a rule not listed is off. */
  enabled: ReadonlySet<ReadyRule>;
  fitsSprint: FitsSprintLimit;
}

/** A new product's rules: the three sprint planning always checked, plus the two a groomed story needs. */
export const DEFAULT_DEFINITION_OF_READY: DefinitionOfReady = {
  enabled: new Set<ReadyRule>(['estimated', 'acceptance_criteria', 'user_story', 'fits_sprint', 'unblocked']),
  fitsSprint: { maxPoints: 13, velocityShare: 0.5 },
};

/** The limits a rule setting may hold (the API's schema reads them). */
export const FITS_SPRINT_BOUNDS = { maxPoints: { min: 1, max: 1000 }, velocityShare: { min: 0.05, max: 1 } };

/**
 * The points an item may have to fit a sprint, given the velocity that applies to it (null: no closed
 * sprint yet, so the fixed limit).
 */
export function sprintFitLimit(limit: FitsSprintLimit, velocity: number | null): number {
  if (limit.velocityShare === null || velocity === null || velocity <= 0) return limit.maxPoints;
  // A share of a small velocity could fall under one point: never ask for less than one.
  return Math.max(1, Math.round(limit.velocityShare * velocity * 10) / 10);
}

/** A story's three parts, as items hold them. */
export interface StoryParts {
  asA: string;
  iWant: string;
  soThat: string;
}

const WORDS = /\S/;

/** Written as a user story: "As a <someone>, I want <something> so that <a reason>", every part given. */
export function isUserStory(story: StoryParts | null): boolean {
  return story !== null && WORDS.test(story.asA) && WORDS.test(story.iWant) && WORDS.test(story.soThat);
}

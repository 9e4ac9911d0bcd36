/**
 * Length and size limits of fields, as plain numbers: the zod schemas use them, and the web's forms read
 * the same ones (this module holds no zod, so importing it adds nothing to the browser bundle).
 */
export const LIMITS = {
  /** Characters of a sprint's or a team's name. */
  name: 200,
  /** Characters of a sprint's goal. */
  sprintGoal: 2_000,
  /** Points of a sprint's capacity. */
  capacity: 100_000,
  /** Items a board column's WIP limit may allow. */
  wipLimit: 1_000,
} as const;

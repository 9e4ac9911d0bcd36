/** Sprints: planning, the active sprint's board limits, closing with a report. */

import { sprintDatesProblem } from '../domain/sprint-rules.ts';
import { DateOnly, Id, requiredText, Timestamp, text, z } from './common.ts';
import { BacklogItem, ItemStatus } from './item.ts';
import { LIMITS } from './limits.ts';
import { NotReadyReason } from './readiness.ts';

export { NotReadyReason };

export const SprintState = z.enum(['planned', 'active', 'closed']).openapi('SprintState');

/** An IANA time zone name: the sprint's days end at its midnights. */
export const TimeZone = z
  .string()
  .min(1, 'must not be empty')
  .max(LIMITS.timeZone, `must be at most ${LIMITS.timeZone} characters`)
  .refine((zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Europe/Berlin')
  .openapi({ example: 'Europe/Berlin' });

const Points = z
  .number()
  .min(0, 'must be at least 0')
  .max(LIMITS.capacity, `must be at most ${LIMITS.capacity}`);

/** Status → the most items its board column should hold; absent means no limit. */
export const WipLimits = z
  .partialRecord(
    ItemStatus,
    z.number().int('must be a whole number').min(1, 'must be at least 1').max(LIMITS.wipLimit),
  )
  .openapi('WipLimits');

/** Both dates given: the end not before the start, at most 8 weeks (domain/sprint-rules.ts). */
const checkDates = (
  v: { startDate?: string | undefined; endDate?: string | undefined },
  ctx: z.RefinementCtx,
) => {
  if (!v.startDate || !v.endDate) return;
  const problem = sprintDatesProblem({ startDate: v.startDate, endDate: v.endDate });
  if (problem) ctx.addIssue({ code: 'custom', message: problem.message, path: [problem.field] });
};

/** The share of a sprint's capacity kept for refining the backlog: the rest is what planning may fill. */
export const RefinementShare = z
  .number()
  .min(0, 'must be at least 0')
  .max(LIMITS.refinementShare, `must be at most ${LIMITS.refinementShare}`)
  .nullable()
  .describe('Share (0–0.5) of the capacity kept for backlog refinement; planning counts only the rest.');

export const CreateSprintInput = z
  .object({
    name: requiredText(LIMITS.name),
    goal: text(LIMITS.sprintGoal).default(''),
    teamId: Id.nullable().default(null),
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: TimeZone.default('UTC'),
    capacity: Points.nullable().default(null).describe('Points the team can take on in this sprint.'),
    refinementShare: RefinementShare.default(null),
    wipLimits: WipLimits.optional().describe("Defaults to the team's previous sprint's limits."),
  })
  .strict()
  .superRefine(checkDates)
  .openapi('CreateSprintInput');
export type CreateSprintInput = z.infer<typeof CreateSprintInput>;

export const UpdateSprintInput = z
  .object({
    name: requiredText(LIMITS.name),
    goal: text(LIMITS.sprintGoal),
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: TimeZone,
    capacity: Points.nullable(),
    refinementShare: RefinementShare,
    wipLimits: WipLimits,
  })
  .partial()
  .strict()
  .superRefine(checkDates)
  .openapi('UpdateSprintInput');
export type UpdateSprintInput = z.infer<typeof UpdateSprintInput>;

export const Sprint = z
  .object({
    id: Id,
    productId: Id,
    teamId: Id.nullable(),
    name: z.string(),
    goal: z.string(),
    startDate: DateOnly,
    endDate: DateOnly,
    timezone: z.string(),
    capacity: z.number().nullable(),
    refinementShare: z.number().nullable(),
    state: SprintState,
    wipLimits: WipLimits,
    startedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    /** Points in the sprint at start (set when it starts; for a planned sprint, null). */
    committedPoints: z.number().nullable(),
    /** Points done at close (null until closed). */
    completedPoints: z.number().nullable(),
    version: z.number().int(),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deletedAt: Timestamp.nullable(),
  })
  .openapi('Sprint');
export type Sprint = z.infer<typeof Sprint>;

export const Velocity = z
  .object({
    mean: z.number().nullable().describe('Mean completed points of the last closed sprints (up to 3).'),
    min: z.number().nullable(),
    max: z.number().nullable(),
    sprints: z.number().int().describe('How many closed sprints the figures come from.'),
  })
  .openapi('VelocitySummary');

export const SprintDetail = z
  .object({
    sprint: Sprint,
    items: z.array(BacklogItem).describe("The sprint's items, in backlog rank order."),
    points: z.object({
      planned: z.number().describe('Points of the items in the sprint now.'),
      done: z.number(),
      unestimated: z.number().int().describe('Items without an estimate (counted as 0 points).'),
    }),
    velocity: Velocity,
    notReady: z
      .array(z.object({ itemId: Id, key: z.string(), reasons: z.array(NotReadyReason) }))
      .describe('Items in the sprint that are not ready, with every reason.'),
  })
  .openapi('SprintDetail');

export const LeftoverDestination = z.enum(['next', 'backlog']);

export const CloseSprintInput = z
  .object({
    leftovers: LeftoverDestination.default('backlog').describe(
      'Where unfinished items go: the next sprint or the top of the backlog.',
    ),
    nextSprintId: Id.optional().describe(
      "A planned sprint of the same team; without it, 'next' creates the following sprint.",
    ),
    moves: z
      .array(z.object({ itemId: Id, to: LeftoverDestination }).strict())
      .max(1_000)
      .optional()
      .describe('Per-item choices that override `leftovers`.'),
  })
  .strict()
  .openapi('CloseSprintInput');
export type CloseSprintInput = z.infer<typeof CloseSprintInput>;

const ReportItem = z
  .object({ id: Id, key: z.string(), title: z.string(), estimate: z.number().nullable(), status: ItemStatus })
  .openapi('SprintReportItem');

export const SprintReport = z
  .object({
    sprintId: Id,
    committedPoints: z.number(),
    completedPoints: z.number(),
    completed: z.array(ReportItem),
    notCompleted: z.array(ReportItem.extend({ movedTo: z.enum(['next', 'backlog']).nullable() })),
    addedAfterStart: z.array(ReportItem),
    removed: z.array(ReportItem),
    nextSprintId: Id.nullable(),
  })
  .openapi('SprintReport');
export type SprintReport = z.infer<typeof SprintReport>;

export const ListSprintsQuery = z
  .object({
    teamId: z
      .union([Id, z.literal('none')])
      .optional()
      .describe('`none`: sprints without a team.'),
    state: SprintState.optional(),
  })
  .strict();

/** Charts computed from the event log: burndown/burnup, velocity, cumulative flow. */
import { datesInOrder } from '../domain/calendar.ts';
import { DateOnly, Id, Timestamp, TimestampInput, z } from './common.ts';
import { ItemStatus } from './item.ts';
import { TimeZone } from './sprint.ts';

export const ChartFormat = z
  .enum(['json', 'csv'])
  .default('json')
  .describe('`csv` answers text/csv with one row per day (or sprint).');

export const ScopeChange = z
  .object({
    at: Timestamp,
    date: DateOnly.describe("The day it happened, in the sprint's time zone."),
    itemId: Id,
    key: z.string(),
    title: z.string(),
    kind: z.enum(['added', 'removed', 'reestimated', 'reopened']),
    points: z
      .number()
      .describe('Added or reopened: the points; removed: minus the points; re-estimated: the difference.'),
  })
  .openapi('ScopeChange');

export const BurndownDay = z
  .object({
    date: DateOnly,
    afterEnd: z.boolean().describe('A day past the end date while the sprint was still open.'),
    remaining: z
      .number()
      .nullable()
      .describe('Points not done at the end of the day; null for days to come.'),
    ideal: z.number(),
    done: z.number().nullable().describe('Burnup: points done.'),
    scope: z.number().nullable().describe('Burnup: total points in the sprint.'),
    added: z.number().describe('Points added to the sprint that day.'),
    removed: z.number().describe('Points taken out of the sprint that day (positive).'),
    reestimated: z.number().describe('Net change from re-estimates that day.'),
    reopened: z.number().describe('Points of done items reopened that day.'),
  })
  .openapi('BurndownDay');

export const Burndown = z
  .object({
    sprintId: Id,
    timezone: z.string(),
    startedAt: Timestamp.nullable(),
    closedAt: Timestamp.nullable(),
    asOf: Timestamp,
    committed: z.number().describe('Points in the sprint when it started (for a planned sprint: now).'),
    remainingAtStart: z.number().describe('Points not done when it started: where the ideal line begins.'),
    days: z.array(BurndownDay),
    scopeChanges: z.array(ScopeChange),
  })
  .openapi('Burndown');
export type Burndown = z.infer<typeof Burndown>;

export const BurndownQuery = z
  .object({
    asOf: TimestampInput.optional().describe('Compute as of this instant (default: now).'),
    format: ChartFormat,
  })
  .strict();

export const VelocitySprint = z
  .object({
    sprintId: Id,
    name: z.string(),
    startDate: DateOnly,
    endDate: DateOnly,
    closedAt: Timestamp,
    committed: z.number(),
    completed: z.number(),
  })
  .openapi('VelocitySprint');

export const VelocityChart = z
  .object({
    teamId: Id.nullable(),
    sprints: z.array(VelocitySprint).describe('Oldest first.'),
    mean: z.number().nullable().describe('Mean completed points of the last 3 sprints.'),
    min: z.number().nullable(),
    max: z.number().nullable(),
  })
  .openapi('VelocityChart');

export const VelocityQuery = z
  .object({
    teamId: z
      .union([Id, z.literal('none')])
      .optional()
      .describe('`none`: sprints without a team.'),
    count: z.coerce.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(10),
    format: ChartFormat,
  })
  .strict();

export const CumulativeFlowDay = z
  .object({
    date: DateOnly,
    // A record over an enum has every key; the document says so too (its generator leaves `required` out).
    counts: z.record(ItemStatus, z.number().int()).openapi({ required: [...ItemStatus.options] }),
  })
  .openapi('CumulativeFlowDay');

export const CumulativeFlow = z
  .object({
    from: DateOnly,
    to: DateOnly,
    timezone: z.string(),
    statuses: z.array(ItemStatus),
    days: z.array(CumulativeFlowDay).describe('Live items per status at the end of each day.'),
  })
  .openapi('CumulativeFlow');

export const CumulativeFlowQuery = z
  .object({
    from: DateOnly,
    to: DateOnly,
    timezone: TimeZone.default('UTC'),
    teamId: Id.optional().describe("Only items in this team's sprints."),
    format: ChartFormat,
  })
  .strict()
  .refine((v) => datesInOrder(v.from, v.to), { message: 'must not be before from', path: ['to'] });

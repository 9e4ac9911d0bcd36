/**
 * The roadmap as each audience sees it: three views of one model (presenters/audience/). Each view has its
 * own response schema; the customer's holds no internal field at all (no ids, dates, internal summaries,
 * objectives, metrics or item detail), which is also what keeps the shared page clean.
 */

import { AUDIENCE_VIEWS } from './audience-names.ts';
import { Id, Timestamp, z } from './common.ts';
import { Confidence, Horizon, InitiativeStatus, Visibility } from './initiative.ts';

export const AudienceViewName = z.enum(AUDIENCE_VIEWS).openapi('AudienceViewName');
export type AudienceViewName = z.infer<typeof AudienceViewName>;

/** `executive`, `customer` or `team`, optionally with `.csv` for the CSV download. */
export const AudienceViewParam = z
  .string()
  .regex(/^(executive|customer|team)(\.csv)?$/, 'must be executive, customer or team (optionally .csv)')
  .openapi({ example: 'customer' });

export const AudienceViewQuery = z
  .object({ format: z.enum(['json', 'csv']).default('json').describe('csv: the rows as a CSV download.') })
  .strict();

const Progress = z
  .object({
    doneItems: z.number().int(),
    totalItems: z.number().int(),
    donePoints: z.number(),
    totalPoints: z.number(),
    unestimated: z.number().int().describe('Items without an estimate (their points are unknown).'),
  })
  .openapi('InitiativeProgress');

const OutcomeMetric = z
  .object({
    name: z.string(),
    baseline: z.string().nullable(),
    target: z.string().nullable(),
    measured: z.string().nullable(),
  })
  .openapi('OutcomeMetric');

export const RiskKind = z.enum(['forecast_misses_target', 'no_work']).openapi('RoadmapRiskKind');

const Risk = z.object({ kind: RiskKind, message: z.string() }).openapi('RoadmapRisk');

/** A changed field's value: a text, number, flag, list of texts or nothing. */
const ChangeValue = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
export type ChangeValue = z.infer<typeof ChangeValue>;
const changeOf = z.tuple([ChangeValue, ChangeValue]);

// ---- executive ----

const ExecutiveInitiative = z
  .object({
    id: Id,
    title: z.string(),
    themeId: Id.nullable(),
    theme: z.string().nullable(),
    objectives: z.array(z.string()).describe('Titles of the objectives it serves.'),
    horizon: Horizon,
    targetDate: z.string().nullable(),
    confidence: Confidence,
    status: InitiativeStatus,
    metricsSource: z
      .enum(['prd', 'initiative'])
      .describe("prd: from the initiative's PRD; initiative: its own metric names."),
    metrics: z.array(OutcomeMetric),
    risks: z.array(Risk),
  })
  .openapi('ExecutiveInitiative');

const ExecutiveAnnouncement = z
  .object({
    id: Id,
    initiativeId: Id,
    initiative: z.string(),
    at: Timestamp,
    text: z.string(),
    changes: z.record(z.string(), changeOf).describe('Dates, horizon and confidence: [before, after].'),
  })
  .openapi('ExecutiveAnnouncement');

export const ExecutiveView = z
  .object({
    view: z.literal('executive'),
    product: z.object({ id: Id, name: z.string() }),
    themes: z.array(z.object({ id: Id, name: z.string(), initiatives: z.number().int() })),
    objectives: z.array(z.object({ id: Id, title: z.string(), initiatives: z.number().int() })),
    initiatives: z.array(ExecutiveInitiative),
    changelog: z.array(ExecutiveAnnouncement),
    truncated: z.boolean().describe('More initiatives than a view shows: the first ones are listed.'),
  })
  .openapi('ExecutiveRoadmapView');
export type ExecutiveView = z.infer<typeof ExecutiveView>;

// ---- customer: public words only ----

export const CustomerStage = z.enum(['exploring', 'planned', 'delivered']).openapi('CustomerStage');

const CustomerInitiative = z
  .object({
    title: z.string(),
    summary: z.string().describe("The initiative's public summary."),
    horizon: Horizon,
    stage: CustomerStage.describe('exploring: an idea being explored, not a promise.'),
  })
  .strict()
  .openapi('CustomerInitiative');

export const CustomerView = z
  .object({
    view: z.literal('customer'),
    product: z.object({ name: z.string() }).strict(),
    initiatives: z.array(CustomerInitiative),
    changelog: z.array(z.object({ text: z.string() }).strict()).describe('Newest first.'),
  })
  .strict()
  .openapi('CustomerRoadmapView');
export type CustomerView = z.infer<typeof CustomerView>;

// ---- team: everything ----

const TeamInitiative = z
  .object({
    id: Id,
    title: z.string(),
    summary: z.string(),
    publicSummary: z.string(),
    themeId: Id.nullable(),
    theme: z.string().nullable(),
    objectives: z.array(z.object({ id: Id, title: z.string() })),
    horizon: Horizon,
    startDate: z.string().nullable(),
    targetDate: z.string().nullable(),
    confidence: Confidence,
    visibility: Visibility,
    status: InitiativeStatus,
    successMetrics: z.array(z.string()),
    progress: Progress,
  })
  .openapi('TeamInitiative');

const TeamChange = z
  .object({
    id: z.string(),
    initiativeId: Id,
    initiative: z.string(),
    at: Timestamp,
    actorId: Id.nullable(),
    announced: z.boolean(),
    text: z.string().nullable(),
    publicText: z.string().nullable(),
    changes: z.record(z.string(), changeOf),
  })
  .openapi('TeamRoadmapChange');

export const TeamView = z
  .object({
    view: z.literal('team'),
    product: z.object({ id: Id, key: z.string(), name: z.string() }),
    themes: z.array(z.object({ id: Id, name: z.string() })),
    objectives: z.array(z.object({ id: Id, title: z.string() })),
    initiatives: z.array(TeamInitiative),
    changelog: z.array(TeamChange).describe('Announcements and unannounced pivots, newest first.'),
    truncated: z.boolean(),
  })
  .openapi('TeamRoadmapView');
export type TeamView = z.infer<typeof TeamView>;

export const RoadmapView = z.union([ExecutiveView, CustomerView, TeamView]).openapi('RoadmapView');
export type RoadmapView = z.infer<typeof RoadmapView>;

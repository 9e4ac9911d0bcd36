/** Whether the backlog still serves the roadmap: the alignment report. */
import { MAX_LISTED } from '../domain/alignment.ts';
import { Id, Timestamp, z } from './common.ts';
import { AsOf } from './readiness.ts';

const Share = {
  items: z.number().int(),
  points: z.number(),
  itemShare: z.number().describe('Share of all open items, 0–1.'),
  pointShare: z.number().describe('Share of all open points (estimated items), 0–1.'),
};

export const ItemRef = z.object({ itemId: Id, key: z.string(), title: z.string() }).openapi('ItemRef');

export const DriftKind = z
  .enum([
    'now_without_progress',
    'sprint_work_for_later',
    'sprint_work_for_closed_initiative',
    'past_target_with_open_work',
    'roadmap_changed',
  ])
  .openapi('DriftKind');

export const Drift = z
  .object({
    kind: DriftKind,
    initiativeId: Id.optional(),
    itemId: Id.optional(),
    message: z.string(),
  })
  .openapi('Drift');

export const AlignmentReport = z
  .object({
    asOf: AsOf,
    coverage: z.object({
      total: z.object({ items: z.number().int(), points: z.number() }).describe('All open work.'),
      linked: z.object(Share).describe('Open work linked to an initiative.'),
      byTheme: z
        .array(z.object({ themeId: Id.nullable(), name: z.string(), ...Share }))
        .describe('Open work per theme of the initiative it serves (themeId null: initiatives without one).'),
      byObjective: z
        .array(z.object({ objectiveId: Id, title: z.string(), ...Share }))
        .describe('Open work per objective of the initiative it serves (an initiative may serve several).'),
    }),
    orphanItems: z
      .array(ItemRef)
      .describe(`Open work serving no initiative, in rank order (the first ${MAX_LISTED}).`),
    orphanTotal: z.number().int(),
    initiativesWithoutWork: z
      .array(z.object({ initiativeId: Id, title: z.string(), horizon: z.enum(['now', 'next']) }))
      .describe('Open initiatives in now or next with no open item.'),
    drift: z.array(Drift),
    changesSince: Timestamp.describe(
      'Roadmap changes are counted from here: the last strategic review, or 30 days ago before the first.',
    ),
  })
  .openapi('AlignmentReport');

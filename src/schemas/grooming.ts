/** The grooming report: what to refine before the next sprint planning. */
import { DUPLICATE_THRESHOLD, MAX_DUPLICATE_PAIRS } from '../domain/duplicates.ts';
import {
  DEFAULT_STALE_DAYS,
  MAX_GROOMING_LIST,
  NEAR_TOP_SPRINTS,
  TINY_GROUP,
  TINY_POINTS,
} from '../domain/grooming.ts';
import { Id, Timestamp, z } from './common.ts';
import { AsOf, NotReadyReason } from './readiness.ts';

export const GroomingQuery = z
  .object({
    staleDays: z.coerce
      .number()
      .int('must be a whole number of days')
      .min(1, 'must be at least 1')
      .max(365, 'must be at most 365')
      .default(DEFAULT_STALE_DAYS)
      .describe('An open item untouched this many days is stale.'),
  })
  .strict();

const GroomingItem = {
  itemId: Id,
  key: z.string(),
  title: z.string(),
  estimate: z.number().nullable(),
};
const total = z
  .number()
  .int()
  .describe(`How many there are (the list holds the first ${MAX_GROOMING_LIST}).`);

export const GroomingReport = z
  .object({
    asOf: AsOf,
    lastRefinedAt: Timestamp.nullable().describe(
      "The newest edit of an item's estimate, criteria or story among the product's last 20,000 events.",
    ),
    velocity: z
      .number()
      .nullable()
      .describe("The product's velocity (last 3 closed sprints), null before any."),
    notReadyNearTop: z
      .object({
        items: z.array(z.object({ ...GroomingItem, reasons: z.array(NotReadyReason) })),
        total,
        reach: z.number().int().describe('How many items "near the top" covers.'),
      })
      .describe(
        `Open items not ready within the next ${NEAR_TOP_SPRINTS} sprints of velocity (20 items without).`,
      ),
    stale: z.object({
      items: z.array(z.object({ ...GroomingItem, updatedAt: Timestamp, days: z.number().int() })),
      total,
      staleDays: z.number().int(),
    }),
    oversized: z
      .object({ items: z.array(z.object({ ...GroomingItem, limit: z.number() })), total })
      .describe('Larger than the Definition of Ready lets into a sprint.'),
    undersized: z
      .array(
        z.object({
          initiativeId: Id,
          title: z.string(),
          items: z.array(z.object(GroomingItem)),
          points: z.number(),
        }),
      )
      .describe(
        `Initiatives with ${TINY_GROUP} or more items of ${TINY_POINTS} point or less: worth combining.`,
      ),
    duplicates: z
      .array(
        z.object({
          itemIds: z.tuple([Id, Id]).describe('The higher-ranked item first.'),
          score: z.number().describe('Text similarity, 0–1.'),
          items: z.tuple([z.object(GroomingItem), z.object(GroomingItem)]),
        }),
      )
      .describe(
        `Likely duplicates scoring ${DUPLICATE_THRESHOLD} or more, best first (at most ${MAX_DUPLICATE_PAIRS}).`,
      ),
    servingClosedInitiatives: z.object({
      items: z.array(
        z.object({ ...GroomingItem, initiativeId: Id, initiativeStatus: z.enum(['done', 'dropped']) }),
      ),
      total,
    }),
    depth: z
      .object({
        readyItems: z.number().int(),
        readyPoints: z.number(),
        velocity: z.number().nullable(),
        sprints: z.number().nullable().describe('Sprints of ready work at the current velocity.'),
      })
      .describe('How much ready work the backlog holds beyond the active sprint.'),
  })
  .openapi('GroomingReport');

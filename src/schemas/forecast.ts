/** When open initiatives and planned releases will be done: the Monte Carlo forecast. */
import {
  DEFAULT_HISTORY_DAYS,
  DEFAULT_TRIALS,
  FORECAST_HORIZON_DAYS,
  MAX_TRIALS,
  MIN_HISTORY_DAYS,
  MIN_HISTORY_ITEMS,
} from '../domain/forecast.ts';
import { DateOnly, Id, z } from './common.ts';
import { AsOf } from './readiness.ts';

export const ForecastQuery = z
  .object({
    unit: z.enum(['items', 'points']).default('items').describe('Throughput in completed items, or points.'),
    trials: z.coerce
      .number()
      .int('must be a whole number')
      .min(100, 'must be at least 100')
      .max(MAX_TRIALS, `must be at most ${MAX_TRIALS}`)
      .default(DEFAULT_TRIALS),
  })
  .strict();

const TargetOutlook = z
  .object({
    id: Id,
    title: z.string(),
    targetDate: DateOnly.nullable(),
    status: z
      .enum(['done', 'forecast', 'insufficient-history'])
      .describe('done: no open work; insufficient-history: no dates, see `warning`.'),
    remainingItems: z.number().int(),
    remainingPoints: z.number(),
    unestimatedItems: z.number().int(),
    p50: DateOnly.nullable().describe(
      'Done by this day in 50 % of trials; null when done, unknown or beyond.',
    ),
    p85: DateOnly.nullable(),
    p95: DateOnly.nullable(),
    beyondHorizon: z
      .boolean()
      .describe(`Some percentile is not within 3 years (${FORECAST_HORIZON_DAYS} days): its date is null.`),
    probabilityOnTime: z.number().nullable().describe('Share of trials done by the target date, 0–1.'),
    atRisk: z.boolean().describe('The 85 % date falls after the target date.'),
    sampleSize: z.number().int().describe('Completed items in the histories drawn from.'),
    streamIds: z.array(z.string()).describe('The streams (team ids, or "product") holding the open work.'),
    warning: z.string().nullable(),
  })
  .openapi('TargetForecast');

export const Forecast = z
  .object({
    asOf: AsOf,
    today: DateOnly.describe('Day 1 of the trials is the day after.'),
    unit: z.enum(['items', 'points']),
    trials: z.number().int(),
    horizon: DateOnly.describe('The last day simulated: later reads "not within 3 years".'),
    initiatives: z.array(TargetOutlook).describe('Open initiatives (not done or dropped).'),
    releases: z.array(TargetOutlook).describe('Planned releases.'),
    streams: z
      .array(
        z.object({
          streamId: z.string().describe('A team id, or "product" (every completion of the product).'),
          name: z.string(),
          from: DateOnly.nullable(),
          to: DateOnly,
          days: z.number().int(),
          completed: z.number().int(),
          points: z.number(),
          unestimated: z.number().int(),
          meanPoints: z.number().nullable(),
          daily: z
            .array(z.number())
            .describe('Throughput of each day from `from` to `to`: what trials resample.'),
          tooShort: z.boolean(),
          warning: z.string().nullable(),
        }),
      )
      .describe(
        `The throughput history each stream's forecast draws from: the last ${DEFAULT_HISTORY_DAYS} days; ` +
          `under ${MIN_HISTORY_ITEMS} completed items or ${MIN_HISTORY_DAYS} days it is too short to trust.`,
      ),
  })
  .openapi('Forecast');

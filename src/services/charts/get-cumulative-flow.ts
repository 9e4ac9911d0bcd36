/**
 * Cumulative flow of a product: live items per status at the end of each day from `from` to `to` in a
 * time zone (optionally only items that were in one of a team's sprints). Days after today are left out;
 * today shows the items as they are now (events are dated when they are written, never later). At most
 * 366 days at once.
 */
import type { z } from '@hono/zod-openapi';
import { datesBetween, datesInOrder, daysBetween } from '../../domain/calendar.ts';
import { computeCumulativeFlow, FLOW_STATUSES, MAX_FLOW_DAYS } from '../../domain/cumulative-flow.ts';
import { localDate } from '../../domain/time-zones.ts';
import type { CumulativeFlow } from '../../schemas/chart.ts';
import { type ServiceContext, timestamp } from '../context.ts';
import { invalidField } from '../errors.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { flowTransitions } from './flow-transitions-cache.ts';
import { resolveTeam } from './resolve-team.ts';

export type CumulativeFlowChart = z.infer<typeof CumulativeFlow>;

export interface CumulativeFlowResult {
  /** For the CSV file name. */
  productKey: string;
  flow: CumulativeFlowChart;
}

export async function getCumulativeFlow(
  ctx: ServiceContext & {
    productId: string;
    from: string;
    to: string;
    timezone: string;
    teamId?: string | undefined;
  },
): Promise<CumulativeFlowResult> {
  const { from, to, timezone } = ctx;
  if (!datesInOrder(from, to)) throw invalidField('to', 'must not be before from');
  // Counted before the dates are listed: a range of centuries is refused without walking it.
  if (daysBetween(from, to) + 1 > MAX_FLOW_DAYS) {
    throw invalidField(
      'to',
      `must be at most ${MAX_FLOW_DAYS - 1} days after from (${MAX_FLOW_DAYS} days at once)`,
    );
  }
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productId);
  const teamId = await resolveTeam(ctx.db, product.id, ctx.teamId);
  // The days stop at today: only days that have begun are listed, however far `to` reaches.
  const today = localDate(timestamp(ctx), timezone);
  const dates = datesBetween(from, daysBetween(today, to) > 0 ? today : to, MAX_FLOW_DAYS);
  const transitions =
    dates.length === 0
      ? []
      : await flowTransitions(ctx.db, {
          productId: product.id,
          teamId,
          timezone,
          from: dates[0] as string,
          last: dates.at(-1) as string,
        });
  const days = computeCumulativeFlow(dates, transitions);
  return { productKey: product.key, flow: { from, to, timezone, statuses: [...FLOW_STATUSES], days } };
}

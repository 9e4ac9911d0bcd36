/** Charts from the event log: burndown/burnup, velocity, cumulative flow (JSON or CSV). */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context, TypedResponse } from 'hono';
import { burndownCsv, csvAttachment, cumulativeFlowCsv, velocityCsv } from '../../presenters/csv.ts';
import {
  Burndown,
  BurndownQuery,
  CumulativeFlow,
  CumulativeFlowQuery,
  VelocityChart,
  VelocityQuery,
} from '../../schemas/chart.ts';
import { Id } from '../../schemas/common.ts';
import { getBurndown } from '../../services/charts/get-burndown.ts';
import { getCumulativeFlow } from '../../services/charts/get-cumulative-flow.ts';
import { getVelocity } from '../../services/charts/get-velocity.ts';
import type { AppEnv } from '../env.ts';
import { authenticated, commonErrors, createRouter, productRefParams } from '../openapi.ts';

const tags = ['charts'];
const inProduct = productRefParams;

/** A chart answers JSON, or with `?format=csv` a CSV download of the same numbers. */
function chartContent<T extends z.ZodType>(schema: T, description: string, csvColumns: string) {
  return {
    description: `${description}; with \`format=csv\`, a CSV download (header row ${csvColumns})`,
    content: {
      'application/json': { schema },
      'text/csv': { schema: z.string().openapi({ example: `${csvColumns}\r\n` }) },
    },
  };
}

/** The CSV as an attachment; typed as the route's JSON so one handler answers both formats. */
function csv<T>(c: Context<AppEnv>, body: string, name: string) {
  return c.body(body, 200, {
    'Content-Type': 'text/csv; charset=utf-8',
    'Content-Disposition': csvAttachment(name),
  }) as unknown as TypedResponse<T, 200, 'json'>;
}

const burndown = createRoute({
  method: 'get',
  path: '/sprints/{id}/burndown',
  operationId: 'getSprintBurndown',
  tags,
  summary: "A sprint's burndown and burnup per day, with the ideal line and the scope changes apart",
  description:
    "Each day's values are taken at the end of the day in the sprint's time zone (today: now; days to " +
    'come: null), replayed from the events of every item that was ever in the sprint. A closed sprint is ' +
    'read just before it closed. `asOf` recomputes the chart as it stood at any past instant.',
  security: authenticated,
  request: { params: z.object({ id: Id }), query: BurndownQuery },
  responses: {
    200: chartContent(
      Burndown,
      'The burndown',
      'date,remaining,ideal,done,scope,added,removed,reestimated,reopened,afterEnd',
    ),
    ...commonErrors,
  },
});

const velocity = createRoute({
  method: 'get',
  path: '/products/{productId}/velocity',
  operationId: 'getVelocity',
  tags,
  summary:
    "Committed vs completed points of a team's last N closed sprints (without teamId: sprints without a team)",
  security: authenticated,
  request: { ...inProduct, query: VelocityQuery },
  responses: {
    200: chartContent(
      VelocityChart,
      'Velocity, oldest sprint first',
      'sprint,startDate,endDate,committed,completed',
    ),
    ...commonErrors,
  },
});

const cumulativeFlow = createRoute({
  method: 'get',
  path: '/products/{productId}/cumulative-flow',
  operationId: 'getCumulativeFlow',
  tags,
  summary: 'Live items per status at the end of each day from `from` to `to` (at most 366 days)',
  description:
    'Days end at midnight in `timezone` (default UTC). Days after today are left out; today counts up ' +
    'to now. With `teamId`, only items that were ever in one of the team’s sprints.',
  security: authenticated,
  request: { ...inProduct, query: CumulativeFlowQuery },
  responses: {
    200: chartContent(
      CumulativeFlow,
      'The cumulative flow',
      'date,backlog,ready,in_progress,in_review,done,wont_do',
    ),
    ...commonErrors,
  },
});

export const chartRoutes = createRouter()
  .openapi(burndown, async (c) => {
    const { asOf, format } = c.req.valid('query');
    const chart = await getBurndown({
      db: c.get('options').db,
      actor: c.get('actor'),
      sprintId: c.req.valid('param').id,
      asOf,
    });
    if (format === 'csv') {
      return csv<Burndown>(c, burndownCsv(chart.burndown), `burndown-${chart.sprintName}`);
    }
    return c.json(chart.burndown, 200);
  })
  .openapi(velocity, async (c) => {
    const { teamId, count, format } = c.req.valid('query');
    const { productKey, velocity: chart } = await getVelocity({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      teamId,
      count,
    });
    if (format === 'csv') {
      return csv<z.infer<typeof VelocityChart>>(c, velocityCsv(chart), `velocity-${productKey}`);
    }
    return c.json(chart, 200);
  })
  .openapi(cumulativeFlow, async (c) => {
    const { from, to, timezone, teamId, format } = c.req.valid('query');
    const { productKey, flow } = await getCumulativeFlow({
      db: c.get('options').db,
      actor: c.get('actor'),
      productId: c.req.valid('param').productId,
      from,
      to,
      timezone,
      teamId,
    });
    if (format === 'csv') {
      return csv<z.infer<typeof CumulativeFlow>>(
        c,
        cumulativeFlowCsv(flow),
        `cumulative-flow-${productKey}-${from}-${to}`,
      );
    }
    return c.json(flow, 200);
  });

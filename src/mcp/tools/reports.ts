/** The planning reports, read as the web shows them: readiness, alignment, forecast and grooming. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from '../../schemas/common.ts';
import { ForecastQuery } from '../../schemas/forecast.ts';
import { GroomingQuery } from '../../schemas/grooming.ts';
import { getAlignment } from '../../services/intelligence/get-alignment.ts';
import { getForecast } from '../../services/intelligence/get-forecast.ts';
import { getGrooming } from '../../services/intelligence/get-grooming.ts';
import { getReadiness } from '../../services/intelligence/get-readiness.ts';
import { type Caller, defineTool, ProductRef, productIdOf, type ToolContext } from '../tool-kit.ts';

/** The caller with the product's id (the reports are cached by it), from its id or key. */
const inProduct = async (as: Caller, productRef: string) => ({
  ...as,
  productId: await productIdOf(as, productRef),
});

export function registerReportTools(server: McpServer, ctx: ToolContext): void {
  defineTool(
    server,
    ctx,
    {
      name: 'get_readiness',
      title: 'Readiness report',
      description:
        "Every open item of a product checked against the product's Definition of Ready: whether it is " +
        'ready and, if not, each rule it fails (no acceptance criteria, no estimate, too big for a sprint, ' +
        'open blockers…). `ready` counts the ready items.',
      input: z.object({ productId: ProductRef }).strict(),
      writes: false,
    },
    async ({ productId }, as) => ({ ...(await getReadiness(await inProduct(as, productId))) }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_alignment',
      title: 'Alignment report',
      description:
        'Whether the backlog serves the roadmap: how much open work serves an initiative (coverage), ' +
        'orphan work serving none, initiatives without work, and drift since the last strategic review.',
      input: z.object({ productId: ProductRef }).strict(),
      writes: false,
    },
    async ({ productId }, as) => ({ ...(await getAlignment(await inProduct(as, productId))) }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_forecast',
      title: 'Forecast',
      description:
        'When each open initiative and planned release will be done: p50/p85/p95 dates from a Monte ' +
        'Carlo over the throughput of the last 12 weeks (in items, or points with unit=points). A history ' +
        'under 10 completed items or 3 weeks gives no dates, only a warning.',
      input: ForecastQuery.extend({ productId: ProductRef }).strict(),
      writes: false,
    },
    async ({ productId, unit, trials }, as) => ({
      ...(await getForecast({ ...(await inProduct(as, productId)), unit, trials })),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_grooming',
      title: 'Grooming report',
      description:
        'What to refine next: not-ready items near the top of the backlog, stale, oversized and ' +
        'undersized items, likely duplicates, work for closed initiatives, and how many sprints of ready ' +
        'work the backlog holds.',
      input: GroomingQuery.extend({ productId: ProductRef }).strict(),
      writes: false,
    },
    async ({ productId, staleDays }, as) => ({
      ...(await getGrooming({ ...(await inProduct(as, productId)), staleDays })),
    }),
  );
}

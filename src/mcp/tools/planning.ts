/** Read tools for the plan around the backlog: products, roadmap initiatives, sprints and releases. */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { Id, z } from '../../schemas/common.ts';
import { ListSprintsQuery } from '../../schemas/sprint.ts';
import { getInitiative, listInitiatives } from '../../services/planning/initiatives.ts';
import { listProducts } from '../../services/products/list-products.ts';
import { getRelease } from '../../services/releases/get-release.ts';
import { listReleases } from '../../services/releases/list-releases.ts';
import { getSprint } from '../../services/sprints/get-sprint.ts';
import { listSprints } from '../../services/sprints/list-sprints.ts';
import { defineTool, ProductRef, productIdOf, type ToolContext } from '../tool-kit.ts';

const inProduct = z.object({ productId: ProductRef }).strict();
const byId = (what: string) => z.object({ id: Id.describe(`The ${what}'s id.`) }).strict();

export function registerPlanningTools(server: McpServer, ctx: ToolContext): void {
  defineTool(
    server,
    ctx,
    {
      name: 'list_products',
      title: 'List products',
      description:
        'The products this token can see, by name: each with its id and key (the prefix of its item ' +
        'keys, e.g. CAI in CAI-42). Every other tool takes a product by id or key.',
      input: z.object({}).strict(),
      writes: false,
    },
    async (_input, as) => ({ products: await listProducts(as) }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'list_initiatives',
      title: 'List roadmap initiatives',
      description:
        "A product's roadmap initiatives (not those in the trash): title, summary, horizon " +
        '(now/next/later), start and target dates, confidence, status, theme, objectives and success metrics.',
      input: inProduct,
      writes: false,
    },
    async ({ productId }, as) => ({
      initiatives: await listInitiatives({ ...as, productId: await productIdOf(as, productId) }),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_initiative',
      title: 'Read an initiative',
      description: 'One roadmap initiative by id, with its dates, confidence, objectives and metrics.',
      input: byId('initiative'),
      writes: false,
    },
    async ({ id }, as) => ({ initiative: await getInitiative({ ...as, id }) }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'list_sprints',
      title: 'List sprints',
      description:
        "A product's sprints by start date: name, goal, dates, state (planned/active/closed), team. " +
        'Filter by state, or by teamId (`none`: sprints without a team).',
      input: ListSprintsQuery.extend({ productId: ProductRef }).strict(),
      writes: false,
    },
    async ({ productId, ...query }, as) => ({
      sprints: await listSprints({ ...as, productId: await productIdOf(as, productId), query }),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_sprint',
      title: 'Read a sprint',
      description:
        'One sprint by id with its items, committed and completed points, the team velocity and the ' +
        'items in it that are not ready.',
      input: byId('sprint'),
      writes: false,
    },
    async ({ id }, as) => ({ ...(await getSprint({ ...as, id })) }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'list_releases',
      title: 'List releases',
      description:
        "A product's releases: planned ones by target date, then released ones newest first, then " +
        'cancelled ones.',
      input: inProduct,
      writes: false,
    },
    async ({ productId }, as) => ({
      releases: await listReleases({ ...as, productId: await productIdOf(as, productId) }),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'get_release',
      title: 'Read a release',
      description: 'One release by id with its live items in rank order.',
      input: byId('release'),
      writes: false,
    },
    async ({ id }, as) => ({ release: await getRelease({ ...as, id }) }),
  );
}

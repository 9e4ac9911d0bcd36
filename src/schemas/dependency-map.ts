/** The dependency map and the dependency-respecting backlog sequence. */
import { MAX_GRAPH_NODES } from '../domain/dependency-map.ts';
import { HIDDEN_ITEM_LABEL } from '../domain/hidden-item.ts';
import { Id, z } from './common.ts';
import { ItemStatus } from './item.ts';
import { AsOf } from './readiness.ts';

export const DependencyMapQuery = z
  .object({ initiativeId: Id.optional().describe("Only this initiative's items and their neighbours.") })
  .strict();

export const GraphNode = z
  .discriminatedUnion('kind', [
    z.object({
      kind: z.literal('item'),
      id: z.string().describe(`An item id; for ${HIDDEN_ITEM_LABEL} you may not see, a made-up one.`),
      key: z.string().nullable(),
      title: z.string(),
      status: ItemStatus.nullable(),
      estimate: z.number().nullable(),
      initiativeId: Id.nullable(),
      blocked: z.boolean().describe('Waits on an open item or an unmet external dependency.'),
      onCriticalPath: z.boolean(),
      waitingOnOverdue: z.boolean().describe('Waits on an external dependency past its expected date.'),
      foreign: z.boolean().describe('An item of another product.'),
    }),
    z.object({
      kind: z.literal('initiative'),
      id: Id,
      title: z.string(),
      horizon: z.string(),
      status: z.string(),
      waitingOnOverdue: z.boolean().describe('Some of its work waits on an overdue external dependency.'),
    }),
    z.object({
      kind: z.literal('external'),
      id: Id,
      title: z.string(),
      owner: z.string(),
      expectedDate: z.string().nullable(),
      met: z.boolean(),
      overdue: z.boolean(),
    }),
  ])
  .openapi('GraphNode');

export const DependencyMap = z
  .object({
    asOf: AsOf,
    nodes: z.array(GraphNode),
    edges: z.array(
      z.object({
        from: z.string(),
        to: z.string(),
        kind: z
          .enum(['blocks', 'serves', 'waits'])
          .describe('blocks: from blocks to; serves: item → initiative; waits: external → item.'),
      }),
    ),
    criticalPath: z
      .array(Id)
      .describe('The longest chain of remaining estimated work over the whole product, blocker first.'),
    criticalPoints: z.number(),
    truncated: z.boolean().describe(`True when the map was cut at ${MAX_GRAPH_NODES} nodes.`),
    totalNodes: z.number().int(),
  })
  .openapi('DependencyMap');

export const BacklogSequence = z
  .object({
    asOf: AsOf,
    order: z.array(Id).describe('Every open item, blockers before what they block, otherwise in rank order.'),
    moves: z
      .array(
        z.object({
          itemId: Id,
          beforeItemId: Id.nullable().describe('Put the item just before this one (null: at the end).'),
          blockedIds: z.array(Id).describe('It moves up because it blocks these.'),
          blockerIds: z.array(Id).describe('It moves down because it waits on these.'),
        }),
      )
      .describe('The fewest moves that turn the rank order into `order`, in the order they apply.'),
    cycles: z.array(z.array(Id)).describe('Items that block each other (none unless data went wrong).'),
  })
  .openapi('BacklogSequence');

export const AppliedSequence = BacklogSequence.extend({
  applied: z.number().int().describe('How many moves were made (one event each).'),
}).openapi('AppliedSequence');

/**
 * Grooming tools, each one change an agent makes while refining a backlog: add acceptance criteria,
 * estimate, link to an initiative. Each is an update of the item through the same service as PATCH /items.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { validationError } from '../../http/errors.ts';
import { z } from '../../schemas/common.ts';
import { AcceptanceCriterion, UpdateItemInput } from '../../schemas/item.ts';
import { LIMITS } from '../../schemas/limits.ts';
import { getItem } from '../../services/items/get-item.ts';
import { updateItem } from '../../services/items/update-item.ts';
import { defineTool, type ToolContext } from '../tool-kit.ts';
import { ExpectedVersion, ItemIdOrKey } from './items.ts';

const ItemCriteria = UpdateItemInput.pick({ acceptanceCriteria: true }).strict();

export function registerItemGroomingTools(server: McpServer, ctx: ToolContext): void {
  defineTool(
    server,
    ctx,
    {
      name: 'add_acceptance_criteria',
      title: 'Add acceptance criteria',
      description:
        "Appends acceptance criteria to an item's list, keeping those it has (to rewrite or remove " +
        `criteria, use update_item with the whole list). An item holds at most ${LIMITS.criteria}. ` +
        'Each criterion is {text, done}; done defaults to false. Returns the item.',
      input: z
        .object({
          idOrKey: ItemIdOrKey,
          criteria: z
            .array(AcceptanceCriterion)
            .min(1, 'must list at least 1 criterion')
            .max(LIMITS.criteria, `must list at most ${LIMITS.criteria} criteria`)
            .describe('The criteria to add, in order, after the existing ones.'),
        })
        .strict(),
      writes: true,
    },
    async ({ idOrKey, criteria }, as) => {
      const item = await getItem({ ...as, idOrKey });
      // The combined list meets the same rules as one sent whole; the version read guards against a
      // change made between this read and the write (that one is refused, never overwritten).
      const parsed = ItemCriteria.safeParse({
        acceptanceCriteria: [...item.acceptanceCriteria, ...criteria],
      });
      if (!parsed.success) throw validationError(parsed.error);
      return {
        item: await updateItem({ ...as, id: item.id, input: parsed.data, expectedVersion: item.version }),
      };
    },
  );

  defineTool(
    server,
    ctx,
    {
      name: 'estimate_item',
      title: 'Estimate an item',
      description:
        'Sets the estimate of an item in story points (0 or more, fractions allowed), or clears it ' +
        'with null. Returns the item.',
      input: z
        .object({
          idOrKey: ItemIdOrKey,
          estimate: UpdateItemInput.shape.estimate.unwrap().describe('Story points, or null to clear.'),
          expectedVersion: ExpectedVersion,
        })
        .strict(),
      writes: true,
    },
    async ({ idOrKey, estimate, expectedVersion }, as) => ({
      item: await updateItem({ ...as, id: idOrKey, input: { estimate }, expectedVersion }),
    }),
  );

  defineTool(
    server,
    ctx,
    {
      name: 'link_item_to_initiative',
      title: 'Link an item to an initiative',
      description:
        'Says which roadmap initiative (of the same product) an item serves, or none with null: this is ' +
        'what the alignment report counts. list_initiatives shows the ids. Returns the item.',
      input: z
        .object({
          idOrKey: ItemIdOrKey,
          initiativeId: UpdateItemInput.shape.initiativeId
            .unwrap()
            .describe('The initiative id, or null to unlink.'),
          expectedVersion: ExpectedVersion,
        })
        .strict(),
      writes: true,
    },
    async ({ idOrKey, initiativeId, expectedVersion }, as) => ({
      item: await updateItem({ ...as, id: idOrKey, input: { initiativeId }, expectedVersion }),
    }),
  );
}

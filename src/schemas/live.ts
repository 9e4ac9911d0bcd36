/** Live updates: what one Server-Sent Events message of a product's stream carries. */
import { z } from './common.ts';
import { Event } from './dependency.ts';
import { Initiative } from './initiative.ts';
import { Item } from './item.ts';
import { Objective, Product, Theme } from './product.ts';
import { Sprint } from './sprint.ts';
import { Team } from './team.ts';

/** The `data` of an SSE message `event: change` (its `id:` is the event id, a cursor for Last-Event-ID). */
export const LiveChange = z
  .object({
    event: Event,
    entity: z
      .union([Item, Initiative, Theme, Objective, Product, Sprint, Team])
      .nullable()
      .describe(
        'The object the event is about as it is now (by `event.entityType`: item, initiative, theme, ' +
          'objective, product, sprint, team); null for other kinds (dependencies, releases…) or when it ' +
          'no longer exists.',
      ),
  })
  .openapi('LiveChange');

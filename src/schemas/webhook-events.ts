/**
 * The webhook event types: `<entity>.<action>` of recorded events (`item.created`). A webhook lists exact
 * types, `<entity>.*` or `*`. Plain constants (no zod), so the web form reads the same list as the API and
 * the delivery dispatcher.
 */

/** The actions offered per kind of object; `<entity>.*` also matches actions not listed here. */
export const WEBHOOK_EVENT_CATALOGUE = {
  item: ['created', 'updated', 'moved', 'deleted', 'restored', 'split', 'merged'],
  initiative: ['created', 'updated', 'deleted', 'restored', 'announced'],
  objective: ['created', 'updated', 'deleted', 'restored'],
  theme: ['created', 'updated', 'deleted', 'restored'],
  sprint: ['created', 'updated', 'started', 'closed', 'deleted', 'restored'],
  release: ['created', 'updated', 'deleted', 'restored', 'notes_published'],
  comment: ['created', 'updated', 'deleted', 'restored'],
  prd: ['created', 'updated', 'reviewed', 'deleted', 'restored'],
  dependency: ['created', 'deleted'],
  team: ['created', 'updated', 'deleted'],
  product: ['updated'],
} as const satisfies Record<string, readonly string[]>;

/** The kinds of object whose events a webhook can receive (never a webhook's own, nor users' or tokens'). */
export const WEBHOOK_ENTITIES = Object.keys(
  WEBHOOK_EVENT_CATALOGUE,
) as (keyof typeof WEBHOOK_EVENT_CATALOGUE)[];

/** Every type a webhook may list: `*`, then per entity `<entity>.*` and its actions. */
export const WEBHOOK_EVENT_TYPES: readonly string[] = [
  '*',
  ...WEBHOOK_ENTITIES.flatMap((entity) => [
    `${entity}.*`,
    ...WEBHOOK_EVENT_CATALOGUE[entity].map((action) => `${entity}.${action}`),
  ]),
];

/** Whether an event of `type` (`item.created`) is one a webhook listing `wanted` receives. */
export function webhookWants(wanted: readonly string[], type: string): boolean {
  const entity = type.slice(0, type.indexOf('.'));
  if (!(WEBHOOK_ENTITIES as readonly string[]).includes(entity)) return false;
  return wanted.includes('*') || wanted.includes(`${entity}.*`) || wanted.includes(type);
}

/** Live webhooks a product may hold (the bench fans one event out to all of them). */
export const MAX_WEBHOOKS = 100;

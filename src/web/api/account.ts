/** Your API tokens and your calendar feed address, over the API. Types from schema.gen.ts. */
import { client, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type ApiTokenT = Schemas['ApiToken'];
export type CreatedTokenT = Schemas['CreatedToken'];
export type CreateTokenBody = Schemas['CreateTokenInput'];
export type CalendarFeedT = Schemas['CalendarFeed'];
export type SsoT = Schemas['SetupStatus']['sso'];

/** The account screen's query keys: not a product's, so outside queryKeys' `['product', id]` prefix. */
export const accountKeys = {
  tokens: ['account', 'tokens'] as const,
  calendarFeed: ['account', 'calendar-feed'] as const,
};

export const accountApi = {
  tokens: (signal?: AbortSignal) => ok(client.GET('/tokens', { signal })).then((body) => body.tokens),
  createToken: (body: CreateTokenBody) => ok(client.POST('/tokens', { body })),
  revokeToken: (id: string) => ok(client.DELETE('/tokens/{id}', { params: { path: { id } } })),
  calendarFeed: (signal?: AbortSignal) => ok(client.GET('/me/calendar-feed', { signal })),
  createCalendarFeed: () => ok(client.POST('/me/calendar-feed')),
  revokeCalendarFeed: () => ok(client.DELETE('/me/calendar-feed')),
  /** Single sign-on's button, when the server has it configured (null otherwise). */
  sso: () => ok(client.GET('/setup')).then((body) => body.sso ?? null),
};

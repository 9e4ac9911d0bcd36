/** Signing in and out, and the first-run setup, over the API. */
import { client, ok } from './client.ts';
import type { components } from './schema.gen.ts';

type Schemas = components['schemas'];
export type Credentials = Schemas['LoginInput'];
export type SetupBody = Schemas['SetupInput'];

export const sessionApi = {
  /** The signed-in user (401 when there is no session). */
  me: () => ok(client.GET('/auth/me')),
  /** Whether first-run setup is still required (no user exists yet). */
  setupRequired: () => ok(client.GET('/setup')).then((body) => body.required),
  /** Creates the first user, the owner. */
  setUp: (input: SetupBody) => ok(client.POST('/setup', { body: input })),
  logIn: (credentials: Credentials) => ok(client.POST('/auth/login', { body: credentials })),
  logOut: () => ok(client.POST('/auth/logout')),
};

/** API token scopes and product lists, calendar feed secrets, single sign-on identities (issue 15). */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(_db: AnyDb): Promise<void> {}

export async function down(_db: AnyDb): Promise<void> {}

/** External keys of imported objects (issue 15). Filled by the import work. */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(_db: AnyDb): Promise<void> {}

export async function down(_db: AnyDb): Promise<void> {}

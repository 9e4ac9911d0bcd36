/**
 * External keys of imported objects (issue 15): which Cairn object each Jira issue, Trello card, Linear
 * issue or Markdown task became, and the field values as last imported (a later import compares them with
 * Cairn's current values to tell an edit made in Cairn from a change in the source). And a log of runs.
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('import_links')
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    // jira | trello | linear | markdown
    .addColumn('kind', text, (c) => c.notNull())
    // item | initiative | sprint | release | dependency
    .addColumn('entity_type', text, (c) => c.notNull())
    .addColumn('external_key', text, (c) => c.notNull())
    .addColumn('entity_id', text, (c) => c.notNull())
    // JSON: the imported field values as written by the last import.
    .addColumn('imported', text, (c) => c.notNull())
    .addColumn('imported_at', text, (c) => c.notNull())
    .addPrimaryKeyConstraint('import_links_pk', ['product_id', 'kind', 'entity_type', 'external_key'])
    .execute();
  // The item detail shows "Imported from Jira: PROJ-12": links are read by the object they name.
  await db.schema.createIndex('import_links_entity').on('import_links').columns(['entity_id']).execute();
  await db.schema
    .createTable('import_runs')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('kind', text, (c) => c.notNull())
    .addColumn('format', text, (c) => c.notNull())
    .addColumn('actor_id', text, (c) => c.references('users.id'))
    .addColumn('rows', 'integer', (c) => c.notNull())
    // JSON: the report's created / updated / unchanged counts and conflict / skipped totals.
    .addColumn('summary', text, (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_runs_product')
    .on('import_runs')
    .columns(['product_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('import_runs').execute();
  await db.schema.dropTable('import_links').execute();
}

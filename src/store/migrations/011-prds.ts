/**
 * PRDs: a product requirements document, optionally tied to an initiative — its problem, its success
 * metrics (the source of the initiative's metrics), its requirements linked to backlog items, its
 * status and its reviewers with their decisions.
 */
import type { Kysely } from 'kysely';

type AnyDb = Kysely<unknown>;

export async function up(db: AnyDb): Promise<void> {
  const text = 'text' as const;
  await db.schema
    .createTable('prds')
    .addColumn('id', text, (c) => c.primaryKey())
    .addColumn('product_id', text, (c) => c.notNull().references('products.id'))
    .addColumn('initiative_id', text, (c) => c.references('initiatives.id'))
    .addColumn('title', text, (c) => c.notNull())
    .addColumn('problem', text, (c) => c.notNull())
    // JSON: [{ name, baseline, target, measured }].
    .addColumn('success_metrics', text, (c) => c.notNull())
    // JSON: [{ id, text, itemIds }].
    .addColumn('requirements', text, (c) => c.notNull())
    .addColumn('technical_considerations', text, (c) => c.notNull())
    .addColumn('open_questions', text, (c) => c.notNull())
    // draft | in_review | approved | superseded
    .addColumn('status', text, (c) => c.notNull())
    // JSON: [{ userId, decision, decidedAt }].
    .addColumn('reviewers', text, (c) => c.notNull())
    .addColumn('created_by', text, (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('created_at', text, (c) => c.notNull())
    .addColumn('updated_at', text, (c) => c.notNull())
    .addColumn('deleted_at', text)
    .execute();
  await db.schema.createIndex('prds_product').on('prds').columns(['product_id', 'created_at']).execute();
  await db.schema
    .createIndex('prds_initiative')
    .on('prds')
    .columns(['initiative_id', 'created_at'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('prds').execute();
}

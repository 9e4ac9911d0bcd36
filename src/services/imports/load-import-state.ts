/**
 * Reads what an import of `kind` into a product compares with (services/imports/plan-import.ts): the links
 * of earlier imports, the current values of the objects they made, and the product's live sprints,
 * releases and dependencies. A handful of queries, whatever the size of the file.
 */
import type { Db } from '../../store/database.ts';
import type { ImportLinksTable } from '../../store/tables-imports.ts';
import type { ItemFields } from './import-fields.ts';
import type { ExistingLink, ExistingState } from './plan-import.ts';

function parseSnapshot(json: string): Record<string, unknown> {
  const value: unknown = JSON.parse(json);
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export async function loadImportState(
  db: Db,
  productId: string,
  kind: ImportLinksTable['kind'],
): Promise<ExistingState> {
  const state: ExistingState = {
    links: { item: new Map(), initiative: new Map(), sprint: new Map(), release: new Map() },
    items: new Map(),
    initiatives: new Map(),
    sprintsByName: new Map(),
    sprintStates: new Map(),
    releasesByName: new Map(),
    releaseIds: new Set(),
    dependencies: new Set(),
  };
  const links = await db
    .selectFrom('import_links')
    .select(['entity_type', 'external_key', 'entity_id', 'imported'])
    .where('product_id', '=', productId)
    .where('kind', '=', kind)
    .where('entity_type', '!=', 'dependency')
    .execute();
  for (const link of links) {
    if (link.entity_type === 'dependency') continue;
    const value: ExistingLink = { entityId: link.entity_id, imported: parseSnapshot(link.imported) };
    state.links[link.entity_type].set(link.external_key, value);
  }

  const items = await db
    .selectFrom('import_links')
    .innerJoin('items', 'items.id', 'import_links.entity_id')
    .select([
      'items.id',
      'items.key',
      'items.type',
      'items.title',
      'items.description',
      'items.status',
      'items.estimate',
      'items.labels',
      'items.acceptance_criteria',
      'items.initiative_id',
      'items.sprint_id',
      'items.release_id',
      'items.deleted_at',
    ])
    .where('import_links.product_id', '=', productId)
    .where('import_links.kind', '=', kind)
    .where('import_links.entity_type', '=', 'item')
    .execute();
  for (const row of items) {
    const fields: ItemFields = {
      type: row.type,
      title: row.title,
      description: row.description,
      status: row.status,
      estimate: row.estimate,
      labels: JSON.parse(row.labels) as string[],
      acceptanceCriteria: JSON.parse(row.acceptance_criteria) as ItemFields['acceptanceCriteria'],
      initiativeId: row.initiative_id,
      sprintId: row.sprint_id,
      releaseId: row.release_id,
    };
    state.items.set(row.id, { key: row.key, trashed: row.deleted_at !== null, fields });
  }

  const initiatives = await db
    .selectFrom('import_links')
    .innerJoin('initiatives', 'initiatives.id', 'import_links.entity_id')
    .select([
      'initiatives.id',
      'initiatives.title',
      'initiatives.summary',
      'initiatives.target_date',
      'initiatives.status',
      'initiatives.deleted_at',
    ])
    .where('import_links.product_id', '=', productId)
    .where('import_links.kind', '=', kind)
    .where('import_links.entity_type', '=', 'initiative')
    .execute();
  for (const row of initiatives) {
    state.initiatives.set(row.id, {
      trashed: row.deleted_at !== null,
      fields: { title: row.title, summary: row.summary, targetDate: row.target_date, status: row.status },
    });
  }

  const sprints = await db
    .selectFrom('sprints')
    .select(['id', 'name', 'state'])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const sprint of sprints) {
    state.sprintStates.set(sprint.id, sprint.state);
    const name = sprint.name.toLowerCase();
    if (!state.sprintsByName.has(name)) state.sprintsByName.set(name, { id: sprint.id, state: sprint.state });
  }
  const releases = await db
    .selectFrom('releases')
    .select(['id', 'name'])
    .where('product_id', '=', productId)
    .where('deleted_at', 'is', null)
    .execute();
  for (const release of releases) {
    state.releaseIds.add(release.id);
    state.releasesByName.set(release.name.toLowerCase(), release.id);
  }
  const dependencies = await db
    .selectFrom('dependencies')
    .select(['blocker_id', 'blocked_id'])
    .where('product_id', '=', productId)
    .execute();
  for (const pair of dependencies) state.dependencies.add(`${pair.blocker_id} ${pair.blocked_id}`);
  return state;
}

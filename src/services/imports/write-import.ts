/**
 * Writes an import plan inside the caller's transaction, through the services that own each object so that
 * every created or updated object has its event: releases, sprints and initiatives one by one (a file has
 * few), new items through the bulk path (importItems), updated items and initiatives through their normal
 * write paths, dependencies through importDependencies, comments through the comments service. Then the
 * links from external keys to what was written, with the values written (the next import's conflicts).
 */
import type { ImportKind } from '../../importers/bundle.ts';
import { CreateInitiativeInput } from '../../schemas/initiative.ts';
import { CreateSprintInput } from '../../schemas/sprint.ts';
import { insertBatches } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import type { ImportLinksTable } from '../../store/tables-imports.ts';
import type { Actor } from '../context.ts';
import { importDependencies } from '../dependencies/import-dependencies.ts';
import { invalidField } from '../errors.ts';
import { importItems } from '../items/import-items.ts';
import { updateItem } from '../items/update-item.ts';
import { createInitiative, updateInitiative } from '../planning/initiatives.ts';
import { createRelease } from '../releases/create-release.ts';
import { createSprint } from '../sprints/create-sprint.ts';
import { type ItemFields, NEW_REF } from './import-fields.ts';
import { importComments } from './import-item-comments.ts';
import type { ImportPlan } from './plan-import.ts';

export interface WriteContext {
  trx: Db;
  actor: Actor;
  at: string;
  productId: string;
  kind: ImportKind;
  plan: ImportPlan;
}

export interface WriteOutcome {
  /** Keys of the items the import created, by external key. */
  createdKeys: Map<string, string>;
  comments: { created: number; unchanged: number };
}

type LinkRow = ImportLinksTable;

/** Replaces `new:…` references with the ids of the objects written. */
function resolver(created: Map<string, string>) {
  return (ref: string | null): string | null => {
    if (ref === null || !ref.startsWith(NEW_REF)) return ref;
    const id = created.get(ref);
    if (id === undefined) throw new Error(`the import did not write ${ref}`);
    return id;
  };
}

function resolveFields<T extends Partial<ItemFields>>(
  fields: T,
  resolve: (ref: string | null) => string | null,
): T {
  const out = { ...fields };
  if (out.initiativeId !== undefined) out.initiativeId = resolve(out.initiativeId);
  if (out.sprintId !== undefined) out.sprintId = resolve(out.sprintId);
  if (out.releaseId !== undefined) out.releaseId = resolve(out.releaseId);
  return out;
}

async function writeContainers(ctx: WriteContext, created: Map<string, string>, links: LinkRow[]) {
  const base = { db: ctx.trx, actor: ctx.actor, now: ctx.at, productId: ctx.productId };
  const link = (
    entity_type: LinkRow['entity_type'],
    external_key: string,
    entity_id: string,
    imported: object,
  ) =>
    links.push({
      product_id: ctx.productId,
      kind: ctx.kind,
      entity_type,
      external_key,
      entity_id,
      imported: JSON.stringify(imported),
      imported_at: ctx.at,
    });
  for (const release of ctx.plan.containers.releases) {
    let id = release.id;
    if (id === null) {
      id = (
        await createRelease({
          ...base,
          input: { name: release.name, description: '', targetDate: release.targetDate },
        })
      ).id;
      created.set(`${NEW_REF}release:${release.externalKey}`, id);
    }
    link('release', release.externalKey, id, { name: release.name });
  }
  for (const sprint of ctx.plan.containers.sprints) {
    let id = sprint.id;
    if (id === null) {
      const input = CreateSprintInput.safeParse({
        name: sprint.name,
        startDate: sprint.startDate,
        endDate: sprint.endDate,
      });
      if (!input.success)
        throw invalidField(
          `sprints.${sprint.externalKey}`,
          input.error.issues[0]?.message ?? 'is not a valid sprint',
        );
      id = (await createSprint({ ...base, input: input.data })).id;
      created.set(`${NEW_REF}sprint:${sprint.externalKey}`, id);
    }
    link('sprint', sprint.externalKey, id, { name: sprint.name });
  }
  for (const initiative of ctx.plan.initiatives) {
    let id = initiative.id;
    if (id === null) {
      const input = CreateInitiativeInput.safeParse({ ...initiative.fields, horizon: initiative.horizon });
      if (!input.success)
        throw invalidField(
          `initiatives.${initiative.externalKey}`,
          input.error.issues[0]?.message ?? 'is not a valid initiative',
        );
      id = (await createInitiative({ ...base, input: input.data })).id;
      created.set(`${NEW_REF}initiative:${initiative.externalKey}`, id);
    } else if (initiative.action === 'update') {
      await updateInitiative({ db: ctx.trx, actor: ctx.actor, now: ctx.at, id, input: initiative.changes });
    }
    link('initiative', initiative.externalKey, id, initiative.fields);
  }
}

export async function writeImport(ctx: WriteContext): Promise<WriteOutcome> {
  const created = new Map<string, string>();
  const links: LinkRow[] = [];
  await writeContainers(ctx, created, links);
  const resolve = resolver(created);
  const itemIds = new Map<string, string>();
  const itemLink = (externalKey: string, id: string, fields: ItemFields) => {
    itemIds.set(externalKey, id);
    links.push({
      product_id: ctx.productId,
      kind: ctx.kind,
      entity_type: 'item',
      external_key: externalKey,
      entity_id: id,
      imported: JSON.stringify(fields),
      imported_at: ctx.at,
    });
  };

  const fresh = ctx.plan.items.filter((item) => item.action === 'create');
  const outcome = await importItems({
    db: ctx.trx,
    actor: ctx.actor,
    now: ctx.at,
    productId: ctx.productId,
    items: fresh.map((item) => ({ ...resolveFields(item.fields, resolve), story: null, assigneeId: null })),
  });
  const createdKeys = new Map<string, string>();
  const firstNumber =
    outcome.firstKey === null ? 0 : Number(outcome.firstKey.slice(outcome.firstKey.lastIndexOf('-') + 1));
  const prefix =
    outcome.firstKey === null ? '' : outcome.firstKey.slice(0, outcome.firstKey.lastIndexOf('-') + 1);
  fresh.forEach((item, index) => {
    itemLink(item.externalKey, outcome.ids[index]!, resolveFields(item.fields, resolve));
    createdKeys.set(item.externalKey, `${prefix}${firstNumber + index}`);
  });
  for (const item of ctx.plan.items) {
    if (item.id === null) continue;
    if (item.action === 'update') {
      await updateItem({
        db: ctx.trx,
        actor: ctx.actor,
        now: ctx.at,
        id: item.id,
        input: resolveFields(item.changes, resolve),
      });
    }
    itemLink(item.externalKey, item.id, resolveFields(item.fields, resolve));
  }

  const pairs = ctx.plan.dependencies.filter((d) => d.action === 'create');
  await importDependencies({
    db: ctx.trx,
    actor: ctx.actor,
    now: ctx.at,
    productId: ctx.productId,
    pairs: pairs.map((d) => ({
      blockerId: itemIds.get(d.blockerKey)!,
      blockedId: itemIds.get(d.blockedKey)!,
      kind: 'technical',
    })),
  });
  await linkDependencies(ctx, itemIds, links);
  const comments = await importComments({ ...ctx, itemIds });
  await writeLinks(ctx.trx, links);
  return { createdKeys, comments };
}

/** Links every planned dependency to the row that holds it now (made now or by an earlier import). */
async function linkDependencies(ctx: WriteContext, itemIds: Map<string, string>, links: LinkRow[]) {
  if (ctx.plan.dependencies.length === 0) return;
  const rows = await ctx.trx
    .selectFrom('dependencies')
    .select(['id', 'blocker_id', 'blocked_id'])
    .where('product_id', '=', ctx.productId)
    .execute();
  const idOf = new Map(rows.map((row) => [`${row.blocker_id} ${row.blocked_id}`, row.id]));
  for (const dependency of ctx.plan.dependencies) {
    const id = idOf.get(`${itemIds.get(dependency.blockerKey)} ${itemIds.get(dependency.blockedKey)}`);
    if (id === undefined) continue;
    links.push({
      product_id: ctx.productId,
      kind: ctx.kind,
      entity_type: 'dependency',
      external_key: dependency.externalKey,
      entity_id: id,
      imported: '{}',
      imported_at: ctx.at,
    });
  }
}

/** Inserts or replaces the links, a few hundred rows per statement. */
async function writeLinks(trx: Db, links: readonly LinkRow[]): Promise<void> {
  for (const batch of insertBatches(trx, links)) {
    await trx
      .insertInto('import_links')
      .values(batch)
      .onConflict((oc) =>
        oc.columns(['product_id', 'kind', 'entity_type', 'external_key']).doUpdateSet((eb) => ({
          entity_id: eb.ref('excluded.entity_id'),
          imported: eb.ref('excluded.imported'),
          imported_at: eb.ref('excluded.imported_at'),
        })),
      )
      .execute();
  }
}

/**
 * A product's whole model and its history as one JSON document, written as it is read (a batch of rows at
 * a time, so a 100,000-item product never sits in memory whole). Deterministic: sections in a fixed order,
 * rows in primary-key order (text compared by bytes on both databases), keys sorted, no export time —
 * two exports of equal data are the same bytes, whichever database holds it.
 */
import { type RawBuilder, sql } from 'kysely';
import type { Db } from '../../store/database.ts';
import { type CatalogTable, readCatalog, schemaVersionOf } from '../backup/catalog.ts';
import { readInKeyOrder } from '../backup/key-order.ts';
import type { ServiceContext } from '../context.ts';
import { loadVisibleProduct } from '../products/product-access.ts';
import { EXPORT_SECTIONS, type ExportSection, SECRET_COLUMN } from './export-sections.ts';

export const PRODUCT_EXPORT_FORMAT = 'cairn-product-export';

export interface ProductExport {
  productKey: string;
  /** The document in pieces, in order; read it once. */
  chunks: AsyncGenerator<string>;
}

/** The export of a product the actor may see (`not_found` otherwise, before anything is written). */
export async function exportProductJson(
  ctx: ServiceContext & { productRef: string },
): Promise<ProductExport> {
  const product = await loadVisibleProduct(ctx.db, ctx.actor, ctx.productRef);
  return { productKey: product.key, chunks: productDocument(ctx.db, product.id) };
}

/** The whole document as one string (tests and small products). */
export async function collectExport(chunks: AsyncIterable<string>): Promise<string> {
  let text = '';
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* productDocument(db: Db, productId: string): AsyncGenerator<string> {
  const catalog = new Map((await readCatalog(db)).map((table) => [table.name, table]));
  const head = {
    format: PRODUCT_EXPORT_FORMAT,
    formatVersion: 1,
    schemaVersion: await schemaVersionOf(db),
  };
  yield JSON.stringify(head).slice(0, -1);
  for (const section of EXPORT_SECTIONS) {
    const table = catalog.get(section.table);
    if (!table) {
      if (section.optional) continue;
      throw new Error(`export: the table ${section.table} is missing`);
    }
    yield* sectionText(db, productId, section, table);
    if (section.name === 'product') yield* membersText(db, productId);
  }
  yield '\n}\n';
}

async function* sectionText(
  db: Db,
  productId: string,
  section: ExportSection,
  table: CatalogTable,
): AsyncGenerator<string> {
  const omitted = new Set(section.omit ?? []);
  const columns = table.columns
    .map((column) => column.name)
    .filter((name) => !omitted.has(name) && !SECRET_COLUMN.test(name))
    .sort();
  const json = new Set(section.json ?? []);
  const single = section.scope.kind === 'self';
  yield `,\n${JSON.stringify(section.name)}:${single ? '' : '['}`;
  let first = true;
  for await (const batch of readInKeyOrder(db, { table, columns, where: scopeOf(section, productId) })) {
    let text = '';
    for (const values of batch) {
      const row: Record<string, unknown> = {};
      for (let i = 0; i < columns.length; i++) {
        const name = columns[i] as string;
        row[name] = json.has(name) ? parsedJson(values[i]) : (values[i] ?? null);
      }
      text += `${single ? '' : first ? '\n' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    yield text;
  }
  if (!single) yield first ? ']' : '\n]';
}

/** The product's members: who they are, never their credentials. */
async function* membersText(db: Db, productId: string): AsyncGenerator<string> {
  const members = await db
    .selectFrom('product_members')
    .innerJoin('users', 'users.id', 'product_members.user_id')
    .select([
      'users.id as id',
      'users.email as email',
      'users.name as name',
      'users.role as role',
      'product_members.created_at as memberSince',
    ])
    .where('product_members.product_id', '=', productId)
    .execute();
  members.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rows = members.map((member) =>
    JSON.stringify({
      email: member.email,
      id: member.id,
      memberSince: member.memberSince,
      name: member.name,
      role: member.role,
    }),
  );
  yield `,\n"members":[${rows.length === 0 ? ']' : `\n${rows.join(',\n')}\n]`}`;
}

function scopeOf(section: ExportSection, productId: string): RawBuilder<unknown> {
  const scope = section.scope;
  if (scope.kind === 'self') return sql`${sql.ref('id')} = ${productId}`;
  if (scope.kind === 'product') return sql`${sql.ref('product_id')} = ${productId}`;
  return sql`${sql.ref(scope.column)} in (select ${sql.ref('id')} from ${sql.table(scope.parent)} where ${sql.ref('product_id')} = ${productId})`;
}

/** A JSON text column as the value it holds (text that is not JSON stays text). */
function parsedJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

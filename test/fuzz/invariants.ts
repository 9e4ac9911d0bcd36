/** The backlog's invariants, read straight from the database after fuzzing. */
import assert from 'node:assert/strict';
import type { Db } from '../../src/store/database.ts';

export async function checkInvariants(db: Db): Promise<void> {
  const items = await db
    .selectFrom('items')
    .select(['id', 'product_id', 'number', 'key', 'rank', 'initiative_id', 'labels'])
    .orderBy('product_id')
    .orderBy('rank')
    .execute();
  const products = new Map(
    (await db.selectFrom('products').select(['id', 'key', 'next_item_number']).execute()).map((p) => [
      p.id,
      p,
    ]),
  );
  const initiatives = new Map(
    (await db.selectFrom('initiatives').select(['id', 'product_id']).execute()).map((i) => [i.id, i]),
  );
  const keys = new Set<string>();
  const maxNumber = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    assert.match(item.rank, /^[0-9A-Za-z]+$/, `${item.key} has a real rank key, not a placeholder`);
    const previous = items[index - 1];
    if (previous && previous.product_id === item.product_id) {
      assert.ok(
        previous.rank < item.rank,
        `ranks strictly ordered: ${previous.key} ${previous.rank} < ${item.rank}`,
      );
    }
    assert.equal(keys.has(item.key), false, `item key ${item.key} is unique`);
    keys.add(item.key);
    const product = products.get(item.product_id);
    assert.ok(product, `${item.key} belongs to an existing product`);
    assert.equal(item.key, `${product.key}-${item.number}`, 'an item key is its product key and number');
    maxNumber.set(item.product_id, Math.max(maxNumber.get(item.product_id) ?? 0, item.number));
    if (item.initiative_id !== null) {
      const initiative = initiatives.get(item.initiative_id);
      assert.ok(initiative, `${item.key} points at an existing initiative`);
      assert.equal(initiative.product_id, item.product_id, `${item.key}'s initiative is of its product`);
    }
  }
  for (const [productId, max] of maxNumber) {
    assert.ok(products.get(productId)!.next_item_number >= max, 'next_item_number is past every item number');
  }

  const itemIds = new Set(items.map((i) => i.id));
  const itemProduct = new Map(items.map((i) => [i.id, i.product_id]));
  const dependencies = await db.selectFrom('dependencies').selectAll().execute();
  for (const d of dependencies) {
    assert.ok(
      itemIds.has(d.blocker_id) && itemIds.has(d.blocked_id),
      `dependency ${d.id} joins existing items`,
    );
    assert.notEqual(d.blocker_id, d.blocked_id, 'no item blocks itself');
    assert.equal(
      d.product_id,
      itemProduct.get(d.blocked_id),
      'a dependency belongs to the blocked item’s product',
    );
  }
  // No cycles: repeatedly remove items that block nothing still present.
  const edges = dependencies.map((d) => [d.blocker_id, d.blocked_id] as const);
  let remaining = new Set(edges.flat());
  for (let changed = true; changed; ) {
    const blocking = new Set(edges.filter(([a, b]) => remaining.has(a) && remaining.has(b)).map(([a]) => a));
    const next = new Set([...remaining].filter((id) => blocking.has(id)));
    changed = next.size < remaining.size;
    remaining = next;
  }
  assert.equal(remaining.size, 0, 'the dependency graph has no cycle');

  const externals = await db.selectFrom('external_dependencies').select(['id', 'item_id']).execute();
  for (const e of externals)
    assert.ok(itemIds.has(e.item_id), `external dependency ${e.id} is on an existing item`);

  const labelRows = await db.selectFrom('item_labels').select(['item_id', 'label']).execute();
  const indexed = new Map<string, string[]>();
  for (const row of labelRows) indexed.set(row.item_id, [...(indexed.get(row.item_id) ?? []), row.label]);
  for (const item of items) {
    const labels = JSON.parse(item.labels) as string[];
    assert.deepEqual(
      [...(indexed.get(item.id) ?? [])].sort(),
      [...labels].sort(),
      `${item.key}'s label index matches its labels`,
    );
  }

  const eventCounts = await db
    .selectFrom('events')
    .select(['entity_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('entity_type', '=', 'item')
    .groupBy('entity_id')
    .execute();
  const counted = new Map(eventCounts.map((e) => [e.entity_id, Number(e.count)]));
  for (const item of items) assert.ok((counted.get(item.id) ?? 0) >= 1, `${item.key} has at least one event`);
}

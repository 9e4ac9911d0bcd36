/** A model of one product's order (trashed items keep their place, invisibly) for fc.commands. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Body, TestApi } from '../support/api.ts';

export interface OrderModel {
  order: { id: string; trashed: boolean }[];
}
export interface Real {
  api: TestApi;
  productId: string;
}

export const live = (m: OrderModel) => m.order.filter((x) => !x.trashed);

export function place(
  m: OrderModel,
  itemId: string,
  anchorId: string | undefined,
  side: 'before' | 'after',
): void {
  const entry = m.order.find((x) => x.id === itemId) ?? { id: itemId, trashed: false };
  m.order = m.order.filter((x) => x.id !== itemId);
  if (anchorId === undefined) {
    m.order.push(entry);
    return;
  }
  const at = m.order.findIndex((x) => x.id === anchorId);
  m.order.splice(side === 'before' ? at : at + 1, 0, entry);
}

export async function checkOrder(m: OrderModel, r: Real): Promise<void> {
  const page = await r.api.call('GET', `/products/${r.productId}/items?limit=500`);
  assert.equal(page.status, 200);
  assert.deepEqual(
    page.body.items.map((i: Body) => i.id),
    live(m).map((x) => x.id),
    'the listed order matches the model',
  );
  const all = await r.api.database.db
    .selectFrom('items')
    .select('id')
    .where('product_id', '=', r.productId)
    .orderBy('rank')
    .execute();
  assert.deepEqual(
    all.map((x) => x.id),
    m.order.map((x) => x.id),
    'trashed items keep their place in the full order',
  );
}

export class CreateItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(
    readonly side: 'bottom' | 'before' | 'after',
    readonly anchor: number,
  ) {}
  check = () => true;
  async run(m: OrderModel, r: Real) {
    const anchors = live(m);
    const anchor =
      this.side === 'bottom' || anchors.length === 0 ? undefined : anchors[this.anchor % anchors.length];
    const body: Record<string, string> = { title: `created ${this.side}` };
    if (anchor) body[this.side === 'before' ? 'beforeId' : 'afterId'] = anchor.id;
    const created = await r.api.call('POST', `/products/${r.productId}/items`, { body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    place(m, created.body.id, anchor?.id, this.side === 'before' ? 'before' : 'after');
    await checkOrder(m, r);
  }
  toString = () => `create(${this.side}, ${this.anchor})`;
}

export class MoveItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(
    readonly item: number,
    readonly side: 'before' | 'after',
    readonly anchor: number,
  ) {}
  check = (m: Readonly<OrderModel>) => live(m as OrderModel).length >= 2;
  async run(m: OrderModel, r: Real) {
    const items = live(m);
    const moving = items[this.item % items.length]!;
    const others = items.filter((x) => x.id !== moving.id);
    const anchor = others[this.anchor % others.length]!;
    const moved = await r.api.call('POST', `/items/${moving.id}/move`, {
      body: { [this.side === 'before' ? 'beforeId' : 'afterId']: anchor.id },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    place(m, moving.id, anchor.id, this.side);
    await checkOrder(m, r);
  }
  toString = () => `move(${this.item}, ${this.side}, ${this.anchor})`;
}

export class TrashItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(readonly item: number) {}
  check = (m: Readonly<OrderModel>) => live(m as OrderModel).length >= 1;
  async run(m: OrderModel, r: Real) {
    const items = live(m);
    const target = items[this.item % items.length]!;
    const trashed = await r.api.call('DELETE', `/items/${target.id}`);
    assert.equal(trashed.status, 200, JSON.stringify(trashed.body));
    target.trashed = true;
    await checkOrder(m, r);
  }
  toString = () => `trash(${this.item})`;
}

export class RestoreItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(readonly item: number) {}
  check = (m: Readonly<OrderModel>) => m.order.some((x) => x.trashed);
  async run(m: OrderModel, r: Real) {
    const trashed = m.order.filter((x) => x.trashed);
    const target = trashed[this.item % trashed.length]!;
    const restored = await r.api.call('POST', `/items/${target.id}/restore`);
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    target.trashed = false;
    await checkOrder(m, r);
  }
  toString = () => `restore(${this.item})`;
}

export const createCommand = fc
  .tuple(fc.constantFrom('bottom' as const, 'before' as const, 'after' as const), fc.nat())
  .map(([side, anchor]) => new CreateItem(side, anchor));
export const orderCommands = [
  createCommand,
  createCommand,
  fc
    .tuple(fc.nat(), fc.constantFrom('before' as const, 'after' as const), fc.nat())
    .map(([item, side, anchor]) => new MoveItem(item, side, anchor)),
  fc.nat().map((item) => new TrashItem(item)),
  fc.nat().map((item) => new RestoreItem(item)),
];

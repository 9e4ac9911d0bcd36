/** Checks and normalises what a PRD's create or update names: metrics, requirements and reviewers. */
import type { StoredMetric, StoredRequirement } from '../../presenters/prd-present.ts';
import type { RequirementInput } from '../../schemas/prd.ts';
import { chunked } from '../../store/batches.ts';
import type { Db } from '../../store/database.ts';
import { invalidField } from '../errors.ts';
import { newId } from '../ids.ts';
import { IDS_PER_QUERY } from './prd-store.ts';

const orNull = (value: string | null | undefined) => (value ? value : null);

/** Metrics as stored: an empty figure is an unknown one (null). */
export function normalizeMetrics(
  metrics: readonly {
    name: string;
    baseline?: string | null;
    target?: string | null;
    measured?: string | null;
  }[],
): StoredMetric[] {
  return metrics.map((m) => ({
    name: m.name,
    baseline: orNull(m.baseline),
    target: orNull(m.target),
    measured: orNull(m.measured),
  }));
}

/** Requirements as stored: each with an id (a new one for those without), its item ids without repeats. */
export function normalizeRequirements(requirements: readonly RequirementInput[]): StoredRequirement[] {
  const seen = new Set<string>();
  return requirements.map((r, index) => {
    const id = r.id ?? newId();
    if (seen.has(id)) throw invalidField(`requirements.${index}.id`, 'repeats the id of another requirement');
    seen.add(id);
    return { id, text: r.text, itemIds: [...new Set(r.itemIds)] };
  });
}

/** Every linked item must be an item of the product (one in the trash is accepted: the gaps show it). */
export async function assertItemsInProduct(
  db: Db,
  productId: string,
  requirements: readonly StoredRequirement[],
): Promise<void> {
  const wanted = [...new Set(requirements.flatMap((r) => r.itemIds))];
  const known = new Set<string>();
  for (const chunk of chunked(wanted, IDS_PER_QUERY)) {
    const rows = await db
      .selectFrom('items')
      .select('id')
      .where('product_id', '=', productId)
      .where('id', 'in', chunk)
      .execute();
    for (const row of rows) known.add(row.id);
  }
  for (const [index, requirement] of requirements.entries()) {
    for (const [position, itemId] of requirement.itemIds.entries()) {
      if (!known.has(itemId)) {
        throw invalidField(
          `requirements.${index}.itemIds.${position}`,
          'does not name a backlog item of this product',
        );
      }
    }
  }
}

/** Every reviewer must be an active user who may edit the product: a member, or an owner or admin. */
export async function assertReviewers(db: Db, productId: string, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return;
  const unique = [...new Set(userIds)];
  const users = await db
    .selectFrom('users')
    .select(['id', 'role'])
    .where('id', 'in', unique)
    .where('disabled_at', 'is', null)
    .execute();
  const members = await db
    .selectFrom('product_members')
    .select('user_id')
    .where('product_id', '=', productId)
    .where('user_id', 'in', unique)
    .execute();
  const memberIds = new Set(members.map((m) => m.user_id));
  const allowed = new Set(
    users
      .filter((u) => u.role === 'owner' || u.role === 'admin' || (u.role === 'editor' && memberIds.has(u.id)))
      .map((u) => u.id),
  );
  for (const [index, userId] of userIds.entries()) {
    if (!allowed.has(userId)) {
      throw invalidField(`reviewerIds.${index}`, 'does not name a user who may edit this product');
    }
  }
}

/**
 * Loads the demo product "Checkout" (CHK): vision, objectives, themes, a roadmap of initiatives, ~150
 * backlog items, a team with eight two-week sprints (the last one running, the next one planned), three
 * releases (two shipped with published notes) and four months of simulated history, all written through the
 * services so the events, ranks and versions are the real thing. `cairn demo` and `cairn serve --demo` call it.
 */
import { randomBytes } from 'node:crypto';
import { CreateObjectiveInput, CreateProductInput, CreateThemeInput } from '../schemas/product.ts';
import { CreateUserInput } from '../schemas/user.ts';
import type { Actor } from '../services/context.ts';
import { AppError } from '../services/errors.ts';
import { createObjective } from '../services/planning/objectives.ts';
import { createTheme } from '../services/planning/themes.ts';
import { createProduct } from '../services/products/create-product.ts';
import { setProductMember } from '../services/products/set-product-member.ts';
import { createUser } from '../services/users/create-user.ts';
import { firstOwner } from '../services/users/first-owner.ts';
import { listUsers } from '../services/users/list-users.ts';
import { createOwner, isSetUp } from '../services/users/setup-workspace.ts';
import type { Db } from '../store/database.ts';
import { withTransaction } from '../store/transaction.ts';
import { applyHistory, type DemoClock, demoClock } from './apply-demo-history.ts';
import {
  DEMO_OBJECTIVES,
  DEMO_OWNER,
  DEMO_PRODUCT,
  DEMO_TEAM,
  DEMO_THEMES,
  type ObjectiveRef,
  type ThemeRef,
} from './demo-content.ts';
import { planHistory } from './demo-history.ts';
import { buildDemoItems } from './demo-items.ts';
import { planReleases } from './demo-releases.ts';
import { DEMO_INITIATIVES } from './demo-roadmap.ts';
import { planSprints } from './demo-sprints.ts';
import { Random } from './random.ts';

/** The day (from today) the demo's history begins. */
const HISTORY_START = -120;
const SEED = 20_240_917;

/** The owner to act as: the workspace's first owner, or the demo owner, created with a fresh password. */
async function demoOwner(db: Db, at: string): Promise<{ actor: Actor; password?: string }> {
  if (!(await isSetUp(db))) {
    // Hex (not base64url): its letters a–f cannot spell the owner's name or e-mail, which the password rule
    // refuses, so the fresh password always passes.
    const password = randomBytes(18).toString('hex');
    try {
      const user = await createOwner({ db, input: { ...DEMO_OWNER, password }, now: at });
      return { actor: { id: user.id, role: user.role }, password };
    } catch (error) {
      // Someone set the workspace up meanwhile: act as its owner instead.
      if (!(error instanceof AppError && error.code === 'already_set_up')) throw error;
    }
  }
  return { actor: await firstOwner(db) };
}

/** The demo team's user ids (all of them, and the editors), reusing accounts that exist with the same email. */
async function demoTeam(
  db: Db,
  actor: Actor,
  clock: DemoClock,
): Promise<{ editors: string[]; members: string[] }> {
  const existing = new Map((await listUsers({ db, actor })).map((user) => [user.email, user.id]));
  const editors: string[] = [];
  const members: string[] = [];
  for (const [i, person] of DEMO_TEAM.entries()) {
    const now = clock.at(HISTORY_START + 0.01 * (i + 1));
    const id =
      existing.get(person.email) ??
      (await createUser({ db, actor, now, input: CreateUserInput.parse(person) }).then(
        (user) => user.id,
        (error: unknown) => {
          // A disabled account holds the email: leave that person out of the demo.
          if (error instanceof AppError && error.code === 'duplicate_key') return undefined;
          throw error;
        },
      ));
    if (!id) continue;
    members.push(id);
    if (person.role === 'editor') editors.push(id);
  }
  return { editors, members };
}

export async function loadDemo(
  db: Db,
  options: { onlyIfEmpty: boolean; now?: Date },
): Promise<{ message: string; productId?: string }> {
  if (options.onlyIfEmpty && (await db.selectFrom('products').select('id').limit(1).executeTakeFirst())) {
    return { message: 'Demo not loaded: the database already holds products.' };
  }
  const taken = await db
    .selectFrom('products')
    .select('id')
    .where('key', '=', DEMO_PRODUCT.key)
    .executeTakeFirst();
  if (taken) return { message: `Demo not loaded: a product with key ${DEMO_PRODUCT.key} already exists.` };

  // One transaction: a load that fails halfway leaves nothing behind.
  return withTransaction(db, (trx) => loadInto(trx, options.now ?? new Date()));
}

async function loadInto(db: Db, now: Date): Promise<{ message: string; productId: string }> {
  const clock = demoClock(now);
  const at = (offset: number) => clock.at(HISTORY_START + offset);
  const { actor, password } = await demoOwner(db, at(0));
  const team = await demoTeam(db, actor, clock);
  const product = await createProduct({
    db,
    actor,
    now: at(0.1),
    input: CreateProductInput.parse(DEMO_PRODUCT),
  });
  for (const userId of team.members) {
    await setProductMember({ db, actor, now: at(0.12), productId: product.id, userId, member: true });
  }
  const objectiveIds = {} as Record<ObjectiveRef, string>;
  for (const { ref, ...fields } of DEMO_OBJECTIVES) {
    const input = CreateObjectiveInput.parse(fields);
    objectiveIds[ref] = (await createObjective({ db, actor, now: at(0.2), productId: product.id, input })).id;
  }
  const themeIds = {} as Record<ThemeRef, string>;
  for (const { ref, ...fields } of DEMO_THEMES) {
    const input = CreateThemeInput.parse(fields);
    themeIds[ref] = (await createTheme({ db, actor, now: at(0.3), productId: product.id, input })).id;
  }

  const random = new Random(SEED);
  const items = buildDemoItems(random);
  const steps = planHistory(items, DEMO_INITIATIVES, random);
  const scope = {
    db,
    actor,
    clock,
    productId: product.id,
    objectiveIds,
    themeIds,
    team: [actor.id, ...team.editors],
  };
  // Sprints and releases follow the work: planned from the item steps, then replayed in one time order
  // (a stable sort keeps same-time steps in the order they were planned).
  const all = [...steps, ...planSprints(steps, HISTORY_START), ...planReleases(steps)];
  await applyHistory(
    scope,
    items,
    DEMO_INITIATIVES,
    all.sort((a, b) => a.day - b.day),
  );

  const summary =
    `Loaded the demo product ${product.name} (${product.key}): ${DEMO_INITIATIVES.length} initiatives, ` +
    `${items.length} items, a team with its sprints, releases and ${Math.abs(HISTORY_START)} days of history.`;
  const login = password
    ? `\nSign in as ${DEMO_OWNER.email} with the password ${password} (shown only this once).`
    : '\nIt was created as the workspace owner: sign in with your own account.';
  return { message: summary + login, productId: product.id };
}

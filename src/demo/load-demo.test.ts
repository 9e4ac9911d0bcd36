import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, DIALECTS, type TestDatabase } from '../../test/support/databases.ts';
import { verifyPassword } from '../services/auth/passwords.ts';
import { createProduct } from '../services/products/create-product.ts';
import { setupWorkspace } from '../services/users/setup-workspace.ts';
import type { Db } from '../store/database.ts';
import { loadDemo } from './load-demo.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

async function count(
  db: Db,
  table: 'products' | 'objectives' | 'themes' | 'external_dependencies' | 'events',
) {
  const row = await db
    .selectFrom(table)
    .select(({ fn }) => fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

for (const dialect of DIALECTS) {
  describe(`loadDemo on an empty database (${dialect})`, () => {
    let database: TestDatabase;
    let db: Db;
    let outcome: Awaited<ReturnType<typeof loadDemo>>;
    const startedAt = new Date();

    before(async () => {
      database = await createTestDatabase(dialect);
      db = database.db;
      outcome = await loadDemo(db, { onlyIfEmpty: true });
    });
    after(() => database.close());

    it('creates the demo owner and prints the password once', async () => {
      const password = /password (\S+) /.exec(outcome.message)?.[1];
      assert.ok(password && password.length >= 16, outcome.message);
      assert.match(outcome.message, /demo@cairn\.local/);
      const owner = await db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', 'demo@cairn.local')
        .executeTakeFirstOrThrow();
      assert.equal(owner.name, 'Dana Demo');
      assert.equal(owner.role, 'owner');
      assert.ok(owner.password_hash && (await verifyPassword(password, owner.password_hash)));
      const team = await db
        .selectFrom('users')
        .select('role')
        .where('email', '!=', 'demo@cairn.local')
        .execute();
      assert.ok(team.length >= 3 && team.every((u) => u.role === 'editor' || u.role === 'viewer'));
    });

    it('builds the product with its objectives, themes and roadmap', async () => {
      const product = await db
        .selectFrom('products')
        .selectAll()
        .where('id', '=', outcome.productId ?? '')
        .executeTakeFirstOrThrow();
      assert.equal(product.key, 'CHK');
      assert.equal(product.name, 'Checkout');
      assert.ok(product.description.length > 100);
      assert.equal(await count(db, 'objectives'), 3);
      const themes = await db.selectFrom('themes').select('color').execute();
      assert.equal(themes.length, 4);
      assert.equal(new Set(themes.map((t) => t.color)).size, 4);
      const initiatives = await db.selectFrom('initiatives').selectAll().execute();
      assert.ok(initiatives.length >= 10 && initiatives.length <= 14, `${initiatives.length} initiatives`);
      assert.deepEqual(new Set(initiatives.map((i) => i.horizon)), new Set(['now', 'next', 'later']));
      assert.deepEqual(
        new Set(initiatives.map((i) => i.confidence)),
        new Set(['committed', 'planned', 'exploratory']),
      );
      assert.deepEqual(new Set(initiatives.map((i) => i.status)), new Set(['proposed', 'active', 'done']));
      assert.ok(initiatives.some((i) => i.visibility === 'public' && i.public_summary.length > 0));
      assert.ok(initiatives.every((i) => i.theme_id !== null && JSON.parse(i.success_metrics).length > 0));
      const links = await db.selectFrom('initiative_objectives').select('initiative_id').execute();
      assert.ok(initiatives.every((i) => links.some((l) => l.initiative_id === i.id)));
    });

    it('fills a backlog of stories, tasks, bugs and spikes in every status', async () => {
      const items = await db.selectFrom('items').selectAll().execute();
      assert.ok(items.length >= 140 && items.length <= 160, `${items.length} items`);
      assert.deepEqual(
        new Set(items.map((i) => i.status)),
        new Set(['backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do']),
      );
      assert.deepEqual(new Set(items.map((i) => i.type)), new Set(['story', 'task', 'bug', 'spike']));
      const stories = items.filter((i) => i.type === 'story');
      assert.ok(stories.length > items.length * 0.45);
      for (const story of stories) {
        assert.ok(story.story && JSON.parse(story.story).soThat, story.title);
        const criteria = JSON.parse(story.acceptance_criteria) as unknown[];
        assert.ok(criteria.length >= 1 && criteria.length <= 4, story.title);
      }
      assert.ok(items.every((i) => i.estimate === null || [1, 2, 3, 5, 8, 13].includes(i.estimate)));
      assert.ok(items.some((i) => i.estimate === null));
      const orphans = items.filter((i) => i.initiative_id === null).length;
      assert.ok(orphans >= items.length * 0.05 && orphans <= items.length * 0.2, `${orphans} orphans`);
      assert.ok(new Set(items.flatMap((i) => (i.assignee_id ? [i.assignee_id] : []))).size >= 3);
      assert.ok(new Set(items.map((i) => i.title)).size === items.length, 'titles are distinct');
    });

    it('links items with dependencies and external business dependencies', async () => {
      const dependencies = await db
        .selectFrom('dependencies')
        .select(['kind', 'blocker_id', 'blocked_id'])
        .execute();
      assert.ok(dependencies.length >= 20, `${dependencies.length} dependencies`);
      assert.ok(dependencies.some((d) => d.kind === 'business'));
      const externals = await db
        .selectFrom('external_dependencies')
        .select(['met', 'expected_date'])
        .execute();
      assert.ok(externals.length >= 3);
      assert.ok(externals.some((e) => Boolean(e.met)) && externals.some((e) => !e.met && e.expected_date));
    });

    it('records months of history that never runs backwards or into the future', async () => {
      const events = await db.selectFrom('events').select(['at', 'entity_id']).orderBy('id').execute();
      const first = Date.parse(events[0]!.at);
      const last = Date.parse(events.at(-1)!.at);
      assert.ok(last - first >= 90 * DAY_MS, `history spans ${(last - first) / DAY_MS} days`);
      assert.ok(last <= startedAt.getTime());
      const latest = new Map<string, string>();
      for (const event of events) {
        assert.ok(
          (latest.get(event.entity_id) ?? '') <= event.at,
          `event for ${event.entity_id} goes back in time`,
        );
        latest.set(event.entity_id, event.at);
      }
      const doneLongAgo = await db
        .selectFrom('items')
        .select('id')
        .where('status', '=', 'done')
        .where('updated_at', '<', new Date(startedAt.getTime() - 30 * DAY_MS).toISOString())
        .execute();
      assert.ok(doneLongAgo.length > 10);
    });

    it('runs a team through its sprints and ships releases with published notes', async () => {
      const sprints = await db
        .selectFrom('sprints')
        .select(['state', 'committed_points', 'completed_points', 'team_id'])
        .orderBy('start_date')
        .execute();
      assert.deepEqual(
        sprints.map((s) => s.state),
        [...Array(7).fill('closed'), 'active', 'planned'],
      );
      assert.ok(sprints.every((s) => s.team_id !== null));
      for (const closed of sprints.filter((s) => s.state === 'closed')) {
        assert.ok((closed.completed_points ?? 0) > 0 && (closed.committed_points ?? 0) > 0);
      }
      const inSprints = await db
        .selectFrom('items')
        .innerJoin('sprints', 'sprints.id', 'items.sprint_id')
        .select(['sprints.state'])
        .execute();
      assert.ok(inSprints.some((row) => row.state === 'active'));
      assert.ok(inSprints.some((row) => row.state === 'planned'));
      const releases = await db
        .selectFrom('releases')
        .select(['name', 'state', 'notes_published'])
        .orderBy('name')
        .execute();
      assert.deepEqual(
        releases.map((r) => [r.name, r.state]),
        [
          ['3.4', 'released'],
          ['3.5', 'released'],
          ['3.6', 'planned'],
        ],
      );
      assert.match(releases[1]?.notes_published ?? '', /^# 3\.5\n[\s\S]*### New\n\n- \*\*/);
    });

    it('does nothing the second time when asked to load only into an empty database', async () => {
      const events = await count(db, 'events');
      const again = await loadDemo(db, { onlyIfEmpty: true });
      assert.equal(again.productId, undefined);
      assert.match(again.message, /already/);
      assert.equal(await count(db, 'products'), 1);
      assert.equal(await count(db, 'events'), events);
    });

    it('refuses to load a second Checkout product', async () => {
      const again = await loadDemo(db, { onlyIfEmpty: false });
      assert.equal(again.productId, undefined);
      assert.match(again.message, /CHK already exists/);
      assert.equal(await count(db, 'products'), 1);
    });
  });

  describe(`loadDemo into a workspace that is set up (${dialect})`, () => {
    let database: TestDatabase;
    let ownerId: string;
    let outcome: Awaited<ReturnType<typeof loadDemo>>;
    const now = new Date('2030-03-15T12:00:00.000Z');

    before(async () => {
      database = await createTestDatabase(dialect);
      const input = { email: 'olive@example.com', name: 'Olive Owner', password: 'correct horse battery' };
      ownerId = (await setupWorkspace({ db: database.db, input })).user.id;
      const actor = { id: ownerId, role: 'owner' as const };
      await createProduct({
        db: database.db,
        actor,
        input: { key: 'WEB', name: 'Web shop', description: '' },
      });
      outcome = await loadDemo(database.db, { onlyIfEmpty: false, now });
    });
    after(() => database.close());

    it('acts as the workspace owner and creates no demo owner', async () => {
      assert.ok(outcome.productId);
      assert.doesNotMatch(outcome.message, /password/);
      const demoOwner = await database.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'demo@cairn.local')
        .executeTakeFirst();
      assert.equal(demoOwner, undefined);
      const actors = await database.db
        .selectFrom('events')
        .select('actor_id')
        .distinct()
        .where('product_id', '=', outcome.productId)
        .execute();
      assert.deepEqual(actors, [{ actor_id: ownerId }]);
    });

    it('dates the history before the given now', async () => {
      const events = await database.db
        .selectFrom('events')
        .select('at')
        .where('product_id', '=', outcome.productId ?? '')
        .execute();
      const times = events.map((e) => Date.parse(e.at));
      assert.ok(Math.max(...times) <= now.getTime());
      assert.ok(Math.min(...times) >= now.getTime() - 121 * DAY_MS);
      assert.ok(Math.max(...times) >= now.getTime() - 3 * DAY_MS);
    });
  });
}

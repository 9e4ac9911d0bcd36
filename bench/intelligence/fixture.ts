/**
 * Fills a benchmark database with a product for bench/intelligence (in a process of its own, so that the
 * generation's garbage never weighs on what is timed after): `node --import tsx bench/intelligence/fixture.ts
 * '<json>'` with `{ location, items, initiatives, dependencies }`; prints the fixture as JSON on its last
 * line. The done items' completions are spread over the last 12 weeks (their creation events moved back
 * in time), so the forecast simulates instead of stopping at "history too short".
 */
import { sql } from 'kysely';
import type { Db } from '../../src/store/database.ts';
import { openLocation } from '../databases.ts';
import { createFixture } from '../generate.ts';
import type { ServerLocation } from '../startup.ts';

/** Moves each done item's creation back to a day of the last 12 weeks: the throughput history. */
async function spreadCompletions(db: Db, productId: string): Promise<void> {
  const done = await db
    .selectFrom('events')
    .innerJoin('items', 'items.id', 'events.entity_id')
    .select('events.id')
    .where('events.product_id', '=', productId)
    .where('items.status', '=', 'done')
    .execute();
  const now = Date.now();
  for (let i = 0; i < done.length; i += 500) {
    const batch = done.slice(i, i + 500);
    await db.transaction().execute(async (trx) => {
      for (const [index, row] of batch.entries()) {
        const daysAgo = 1 + ((i + index) % 84);
        const at = new Date(now - daysAgo * 86_400_000).toISOString();
        await trx.updateTable('events').set({ at }).where('id', '=', row.id).execute();
      }
    });
  }
}

const { location, items, initiatives, dependencies } = JSON.parse(process.argv[2] ?? '{}') as {
  location: ServerLocation;
  items: number;
  initiatives: number;
  dependencies: number;
};
const database = openLocation(location);
try {
  const fixture = await createFixture(database.db, { items, initiatives, dependencies });
  await spreadCompletions(database.db, fixture.productId);
  if (location.databaseUrl) await sql`analyze`.execute(database.db);
  const { token, actor, productId, itemIds } = fixture;
  console.log(JSON.stringify({ token, actor, productId, itemId: itemIds[0] }));
} finally {
  await database.close();
}

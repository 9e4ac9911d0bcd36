/**
 * The web benchmark's product: 20,000 items and 300 initiatives (the size), with themes and dates
 * so the timeline has bars, on a fresh SQLite data folder that a spawned `cairn serve` then opens.
 */

import { updateInitiative } from '../../src/services/planning/initiatives.ts';
import { createTheme } from '../../src/services/planning/themes.ts';
import { type BenchDatabase, createBenchDatabase } from '../databases.ts';
import { createFixture, type Fixture } from '../generate.ts';

export const OWNER = { email: 'bench@example.com', password: 'a long enough timing passphrase' };

const THEMES = [
  ['Growth', '#2563eb'],
  ['Payments', '#16a34a'],
  ['Platform', '#9333ea'],
  ['Mobile', '#ea580c'],
  ['Trust & safety', '#dc2626'],
  ['Insights', '#0891b2'],
] as const;

const CONFIDENCE = ['committed', 'planned', 'exploratory'] as const;

function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export async function seedWebBench(
  items: number,
  initiatives: number,
): Promise<{ bench: BenchDatabase; fixture: Fixture }> {
  const bench = await createBenchDatabase('sqlite');
  const db = bench.database.db;
  const fixture = await createFixture(db, { items, initiatives, dependencies: Math.round(items / 10) });
  const themeIds: string[] = [];
  for (const [name, color] of THEMES) {
    const theme = await createTheme({
      db,
      actor: fixture.actor,
      productId: fixture.productId,
      input: { name, color, description: '' },
    });
    themeIds.push(theme.id);
  }
  const rows = await db
    .selectFrom('initiatives')
    .select('id')
    .where('product_id', '=', fixture.productId)
    .orderBy('created_at')
    .execute();
  const today = new Date();
  for (const [i, row] of rows.entries()) {
    const start = new Date(
      Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - 3 + (i % 12), 1 + (i % 27)),
    );
    const target = new Date(start.getTime() + (30 + (i % 5) * 30) * 86_400_000);
    await updateInitiative({
      db,
      actor: fixture.actor,
      id: row.id,
      input: {
        themeId: themeIds[i % themeIds.length] ?? null,
        startDate: isoDate(start),
        targetDate: isoDate(target),
        confidence: CONFIDENCE[i % 3],
      },
    });
  }
  return { bench, fixture };
}

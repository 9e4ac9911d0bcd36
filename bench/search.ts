/** Text search (`q=`) over the generated items: one- and two-word queries made of title words. */
import type { Fixture } from './generate.ts';
import { type HttpClient, type LatencyStats, timeOperation } from './http-latency.ts';

export interface SearchResult extends LatencyStats {
  /** Mean number of items on the first page (up to 100) — shows the queries do find things. */
  meanHits: number;
}

export async function measureSearch(
  client: HttpClient,
  fixture: Fixture,
  options: { samples: number; warmup: number },
): Promise<SearchResult> {
  const words = fixture.titleWords;
  let hits = 0;
  let timed = 0;
  const stats = await timeOperation(options.samples, options.warmup, async (i) => {
    const first = words[i % words.length]!;
    // Every third query asks for two words (both required), like "refund voucher".
    const q = i % 3 === 0 ? `${first} ${words[(i * 13 + 5) % words.length]}` : first;
    const body = await client.expect(
      200,
      'GET',
      `/products/${fixture.productId}/items?q=${encodeURIComponent(q)}&limit=100`,
    );
    if (i >= options.warmup) {
      hits += (JSON.parse(body) as { items: unknown[] }).items.length;
      timed += 1;
    }
  });
  return { ...stats, meanHits: Math.round(hits / Math.max(1, timed)) };
}

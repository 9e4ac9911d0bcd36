/**
 * The reference test for the charts: random sprint histories (adds, removes, re-estimates, status changes,
 * reopenings, trash and restore, leftovers moved at close) are played through the services at past times,
 * across days and time zones (DST changes included); the burndown, velocity and cumulative flow the API
 * answers must equal a simple replay written here (test/reference/reference-charts.ts).
 *
 * Each run draws a new seed (printed in the suite's name and in every failure); CAIRN_REFERENCE_SEED=<n>
 * plays the same histories again.
 */
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { buildProduct, createTestApi, type TestApi } from '../support/api.ts';
import { DIALECTS } from '../support/databases.ts';
import { checkBurndowns, checkCumulativeFlow, checkMidway, checkVelocity } from './check-charts.ts';
import { type CasePlan, playCase, type TrackPlan } from './play-history.ts';
import { caseSeed, seededRandom } from './prng.ts';
import { addDays } from './zoned-days.ts';

const seed = Number(process.env.CAIRN_REFERENCE_SEED ?? randomInt(2 ** 31));

/** Consecutive sprints of `days` days from `first`. */
function sprints(first: string, days: number, count: number): TrackPlan['sprints'] {
  return Array.from({ length: count }, (_, index) => ({
    startDate: addDays(first, index * days),
    endDate: addDays(first, index * days + days - 1),
  }));
}

const PLANS: CasePlan[] = [
  {
    name: 'UTC, five three-day sprints, all closed',
    tracks: [{ team: null, timezone: 'UTC', sprints: sprints('2026-01-05', 3, 5), closeLast: true }],
    eventsPerDay: 9,
  },
  {
    name: 'Europe/Berlin across the spring DST change, the last sprint open past its end',
    tracks: [
      { team: null, timezone: 'Europe/Berlin', sprints: sprints('2026-03-20', 7, 3), closeLast: false },
    ],
    eventsPerDay: 9,
  },
  {
    name: 'America/New_York across the autumn DST change',
    tracks: [
      { team: null, timezone: 'America/New_York', sprints: sprints('2026-10-21', 7, 3), closeLast: false },
    ],
    eventsPerDay: 9,
  },
  {
    name: 'two teams side by side: America/Los_Angeles (DST change) and Asia/Kolkata (+5:30)',
    tracks: [
      {
        team: 'Alpha',
        timezone: 'America/Los_Angeles',
        sprints: sprints('2026-03-02', 7, 3),
        closeLast: false,
      },
      { team: 'Beta', timezone: 'Asia/Kolkata', sprints: sprints('2026-03-04', 5, 3), closeLast: true },
    ],
    eventsPerDay: 11,
  },
  {
    name: 'Pacific/Auckland (+12/+13) across its spring DST change',
    tracks: [
      { team: null, timezone: 'Pacific/Auckland', sprints: sprints('2026-09-21', 7, 2), closeLast: false },
    ],
    eventsPerDay: 9,
  },
];

for (const dialect of DIALECTS) {
  describe(`charts equal a reference replay of random sprint histories (${dialect}, seed ${seed})`, {
    concurrency: true,
  }, () => {
    let api: TestApi;
    let noiseProductId: string;

    before(async () => {
      api = await createTestApi(dialect);
      noiseProductId = (await buildProduct(api)).id;
    });
    after(() => api.close());

    for (const plan of PLANS) {
      it(`${plan.name}: burndown, velocity and cumulative flow`, async () => {
        const label = `seed ${seed} (CAIRN_REFERENCE_SEED=${seed}), ${dialect}, "${plan.name}"`;
        const random = seededRandom(caseSeed(seed, plan.name));
        const check = { api, random, label };
        const product = await buildProduct(api);
        const played = await playCase({
          db: api.database.db,
          actor: { id: api.ownerId, role: 'owner' },
          productId: product.id,
          noiseProductId,
          plan,
          random,
          checkpoint: checkMidway(check),
        }).catch((error: Error) => assert.fail(`${label}: ${error.message}`));
        assert.ok(played.history.events.length > 120, 'a history of a few hundred item events');
        const zones = [...new Set([...plan.tracks.map((track) => track.timezone), 'UTC', 'Asia/Kolkata'])];
        assert.ok((await checkBurndowns(check, played)) > 10);
        assert.ok((await checkVelocity(check, played)) >= 6);
        assert.equal(await checkCumulativeFlow(check, played, zones), zones.length);
      });
    }
  });
}

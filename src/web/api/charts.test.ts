import assert from 'node:assert/strict';
import { afterEach, describe, it, mock } from 'node:test';
import { chartFileUrl, cumulativeFlowSource, fetchChart, velocitySource } from './charts.ts';

describe('chart sources', () => {
  afterEach(() => mock.restoreAll());

  it('read the same chart the download links name, leaving out what is not given', async () => {
    const asked: string[] = [];
    mock.method(globalThis, 'fetch', async (request: Request) => {
      const url = new URL(request.url);
      asked.push(url.pathname + url.search);
      return Response.json({ days: [] });
    });
    const flow = cumulativeFlowSource('p1', {
      from: '2027-03-01',
      to: '2027-03-31',
      timezone: 'Europe/Paris',
    });
    await fetchChart(flow);
    assert.equal(
      asked[0],
      '/api/v1/products/p1/cumulative-flow?from=2027-03-01&to=2027-03-31&timezone=Europe%2FParis',
    );
    assert.equal(chartFileUrl(flow, 'json'), asked[0]);
    assert.equal(chartFileUrl(flow, 'csv'), `${asked[0]}&format=csv`);

    const velocity = velocitySource('p1', { teamId: 'none', count: 6 });
    await fetchChart(velocity);
    assert.equal(asked[1], '/api/v1/products/p1/velocity?teamId=none&count=6');
    assert.equal(chartFileUrl(velocity, 'json'), asked[1]);
  });
});

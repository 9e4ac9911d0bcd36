import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { API_PREFIX } from '../../src/http/app.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

describe('the OpenAPI document', () => {
  let api: TestApi;
  before(async () => {
    api = await createTestApi('sqlite', { setup: false });
  });
  after(() => api.close());

  it('documents every route the server answers, with request schemas for bodies', async () => {
    const doc = (await api.call('GET', '/openapi.json', { token: null })).body;
    const documented = new Set<string>();
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, unknown>>)) {
      for (const method of Object.keys(operations)) documented.add(`${method.toUpperCase()} ${path}`);
    }
    const served = new Set(
      api.app.routes
        .filter(
          // Middleware mounted for some methods (`/*`) is not a route of its own.
          (r) =>
            r.path.startsWith(API_PREFIX) &&
            r.method !== 'ALL' &&
            !r.path.endsWith('/*') &&
            !r.path.endsWith('/openapi.json'),
        )
        .map((r) => `${r.method} ${r.path.slice(API_PREFIX.length).replace(/:(\w+)/g, '{$1}')}`),
    );
    assert.ok(served.size >= 40, `found ${served.size} routes`);
    for (const route of served) assert.ok(documented.has(route), `${route} is documented`);
    const createItem = doc.paths['/products/{productId}/items'].post;
    assert.ok(createItem.requestBody.content['application/json'].schema);
    assert.ok(doc.components.schemas.Item);
    assert.ok(doc.components.securitySchemes.bearerAuth);
  });
});

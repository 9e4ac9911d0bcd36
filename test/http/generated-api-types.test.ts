import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { API_TYPES_FILE, renderApiTypes } from '../../scripts/generate-api-types.ts';
import { openApiDocument } from '../../src/http/app.ts';
import { createTestApi, type TestApi } from '../support/api.ts';

describe("the web's generated API types", () => {
  let api: TestApi;
  before(async () => {
    api = await createTestApi('sqlite', { setup: false });
  });
  after(() => api.close());

  it('are made from the very document GET /openapi.json serves', async () => {
    const served = (await api.call('GET', '/openapi.json', { token: null })).body;
    assert.deepEqual(JSON.parse(JSON.stringify(openApiDocument('test'))), served);
  });

  it('match the committed schema.gen.ts', async () => {
    const fresh = await renderApiTypes();
    const committed = readFileSync(API_TYPES_FILE, 'utf8');
    assert.ok(
      fresh === committed,
      'src/web/api/schema.gen.ts is stale: run npm run generate:api and commit the result',
    );
  });
});

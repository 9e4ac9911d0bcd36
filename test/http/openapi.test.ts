import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { API_PREFIX } from '../../src/http/app.ts';
import { type Body, createTestApi, type TestApi } from '../support/api.ts';

/**
 * Problems Redocly's `recommended` rules report that we accept, each with its reason. Anything else — error
 * or warning — fails the test.
 */
const JUSTIFIED: { ruleId: string; pointer: string; why: string }[] = [
  {
    ruleId: 'operation-4xx-response',
    pointer: '#/paths/~1health/get/responses',
    why: 'liveness takes no input and no credentials: it answers 200 or not at all',
  },
  {
    ruleId: 'operation-4xx-response',
    pointer: '#/paths/~1setup/get/responses',
    why: 'the setup status takes no input and no credentials: it always answers 200',
  },
  ...['start', 'callback'].map((step) => ({
    ruleId: 'operation-2xx-response',
    pointer: `#/paths/~1auth~1oidc~1${step}/get/responses`,
    why: 'single sign-on steps are browser navigations: they answer with redirects (302), never 2xx',
  })),
];

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

  it("passes Redocly's recommended rules, with every exception justified", async () => {
    const doc = (await api.call('GET', '/openapi.json', { token: null })).body;
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({
      source: JSON.stringify(doc),
      absoluteRef: 'openapi.json',
      config,
    });
    const found = problems.map((p) => ({
      ruleId: p.ruleId,
      severity: p.severity,
      pointer: p.location[0]?.pointer ?? '',
      message: p.message,
    }));
    const unjustified = found.filter(
      (p) => !JUSTIFIED.some((j) => j.ruleId === p.ruleId && j.pointer === p.pointer),
    );
    assert.deepEqual(unjustified, []);
    // A justification whose problem is gone is stale: drop it so the list stays honest.
    for (const j of JUSTIFIED) {
      assert.ok(
        found.some((p) => p.ruleId === j.ruleId && p.pointer === j.pointer),
        `${j.ruleId} at ${j.pointer} is still reported`,
      );
    }
  });

  it('names every operation with a unique camelCase operationId, for generated clients', async () => {
    const doc = (await api.call('GET', '/openapi.json', { token: null })).body;
    const ids: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, Body>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        assert.match(String(operation.operationId), /^[a-z][a-zA-Z0-9]+$/, `${method} ${path}`);
        ids.push(operation.operationId);
      }
    }
    assert.equal(new Set(ids).size, ids.length, 'operationIds are unique');
    assert.equal(doc.paths['/items/{idOrKey}'].get.operationId, 'getItem');
    assert.equal(doc.paths['/items/{idOrKey}'].patch.operationId, 'updateItem');
    assert.equal(doc.paths['/items/{id}'], undefined, 'one path per resource');
  });

  it('declares security on every operation; the public ones declare none explicitly', async () => {
    const doc = (await api.call('GET', '/openapi.json', { token: null })).body;
    const open: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, Body>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        assert.ok(Array.isArray(operation.security), `${method} ${path} declares security`);
        if (operation.security.length === 0) open.push(`${method.toUpperCase()} ${path}`);
      }
    }
    assert.deepEqual(open.sort(), [
      'GET /auth/oidc/callback',
      'GET /auth/oidc/start',
      'GET /health',
      'GET /setup',
      'POST /auth/login',
      'POST /setup',
    ]);
  });
});

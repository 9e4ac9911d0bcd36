/** Requests to the write routes: cases built from a route's fields, and the contract every answer keeps. */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { statusOf } from '../../src/http/errors.ts';
import type { ErrorCode } from '../../src/services/errors.ts';
import type { Body, TestApi } from '../support/api.ts';
import { invalidValue, type Pools, validValue } from './field-values.ts';
import { HOSTILE_SEGMENTS, JSON_TYPES, NOT_JSON, ODD_CONTENT_TYPES, TOO_LARGE } from './hostile-input.ts';
import { toJson } from './raw-json.ts';
import type { Route } from './write-route-table.ts';

export interface BodyCase {
  strategy: string;
  body: string | Uint8Array | undefined;
  contentType: string | null;
  /** Fields a 400 must name (only checked when the path is valid: path errors come first). */
  badFields: string[];
  /** An unknown key the 400 must mention. */
  unknownKey?: string;
}

export interface Case {
  path: string;
  validPath: boolean;
  ifMatch: string | undefined;
  body: BodyCase;
}

export interface Answer {
  status: number;
  text: string;
  body: Body;
}

export async function send(api: TestApi, method: string, c: Case): Promise<Answer> {
  const headers: Record<string, string> = { authorization: `Bearer ${api.ownerToken}` };
  if (c.body.contentType !== null) headers['content-type'] = c.body.contentType;
  if (c.ifMatch !== undefined) headers['if-match'] = c.ifMatch;
  const response = await api.app.request(`http://cairn.test/api/v1${c.path}`, {
    method,
    headers,
    body: c.body.body,
  });
  const text = await response.text();
  let body: Body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: response.status, text, body };
}

export function describeCase(route: Route, c: Case, answer: Answer): string {
  const body = typeof c.body.body === 'string' ? c.body.body.slice(0, 300) : String(c.body.body);
  return (
    `${route.method} ${c.path} [${c.body.strategy}, content-type ${c.body.contentType}, if-match ${c.ifMatch}] ` +
    `body ${body} → ${answer.status} ${answer.text.slice(0, 500)}`
  );
}

/**
 * The contract every answer keeps: no 5xx; errors are {error:{code,message}} with the code's status; a 400
 * lists its issues by path, and a body with known bad fields (sent to a valid path) gets a 400 naming each.
 */
export function checkAnswer(route: Route, c: Case, answer: Answer): void {
  const where = describeCase(route, c, answer);
  assert.ok(answer.status < 500, `server error: ${where}`);
  const { badFields, unknownKey } = c.body;
  const mustRefuse = c.validPath && (badFields.length > 0 || unknownKey !== undefined);
  if (mustRefuse) assert.equal(answer.status, 400, `expected a 400: ${where}`);
  if (answer.status < 400) return;
  const error = answer.body?.error;
  assert.equal(typeof error?.code, 'string', `error code: ${where}`);
  assert.equal(typeof error.message, 'string', `error message: ${where}`);
  assert.equal(statusOf[error.code as ErrorCode], answer.status, `code matches status: ${where}`);
  if (answer.status !== 400) return;
  const issues: Body[] = error.details?.issues;
  assert.ok(Array.isArray(issues) && issues.length > 0, `a 400 lists issues: ${where}`);
  for (const issue of issues) {
    assert.equal(typeof issue.path, 'string', `issue path: ${where}`);
    assert.ok(issue.path.length > 0, `issue path: ${where}`);
    assert.equal(typeof issue.message, 'string', `issue message: ${where}`);
  }
  if (!c.validPath) return;
  for (const field of badFields) {
    assert.ok(
      issues.some((i) => i.path === field || i.path.startsWith(`${field}.`)),
      `the 400 names ${field}: ${where}`,
    );
  }
  if (unknownKey !== undefined) {
    assert.ok(
      issues.some((i) => i.path === unknownKey || i.message.includes(unknownKey)),
      `the 400 names the unknown key ${JSON.stringify(unknownKey)}: ${where}`,
    );
  }
}

export function fieldBody(route: Route, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
  const fields = route.fields ?? {};
  const pair = route.pair;
  const record = fc.record(
    Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, validValue(field, pools)])),
    { requiredKeys: [...(route.required ?? []), ...(pair?.fields ?? [])] },
  ) as fc.Arbitrary<Record<string, unknown>>;
  if (!pair) return record;
  // Keep the pair valid: exactly one (or at most one) of its two fields.
  return fc.tuple(record, fc.nat(pair.exactlyOne ? 1 : 2)).map(([body, keep]) => {
    const copy = { ...body };
    if (keep !== 0) delete copy[pair.fields[0]];
    if (keep !== 1) delete copy[pair.fields[1]];
    return copy;
  });
}

export function bodyCases(route: Route, pools: Pools): fc.Arbitrary<BodyCase> {
  const json = (strategy: string, value: unknown, contentType = 'application/json'): BodyCase => ({
    strategy,
    body: toJson(value),
    contentType,
    badFields: [],
  });
  const raw = fc
    .record({
      text: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom(...NOT_JSON)),
      contentType: fc.constantFrom(...ODD_CONTENT_TYPES),
    })
    .map(({ text, contentType }): BodyCase => ({ strategy: 'raw', body: text, contentType, badFields: [] }));
  const bytes = fc
    .uint8Array({ minLength: 1, maxLength: 40 })
    .map((body): BodyCase => ({ strategy: 'bytes', body, contentType: null, badFields: [] }));
  const shared = [
    { arbitrary: fc.anything({ maxDepth: 4 }).map((v) => json('anything', v)), weight: 2 },
    { arbitrary: fc.object({ maxDepth: 3 }).map((v) => json('object', v)), weight: 2 },
    { arbitrary: raw, weight: 2 },
    { arbitrary: bytes, weight: 1 },
    { arbitrary: fc.constant(json('no body', undefined)), weight: 1 },
  ];
  const fields = route.fields;
  if (!fields) return fc.oneof(...shared);
  const names = Object.keys(fields);
  const valid = fieldBody(route, pools);
  const broken = fc
    .record({
      base: valid,
      bad: fc.uniqueArray(fc.constantFrom(...names), { minLength: 1, maxLength: Math.min(3, names.length) }),
      contentType: fc.constantFrom(...JSON_TYPES),
    })
    .chain(({ base, bad, contentType }) =>
      fc.tuple(...bad.map((name) => invalidValue(fields[name]!))).map((values): BodyCase => {
        const body = { ...base };
        bad.forEach((name, i) => {
          body[name] = values[i];
        });
        return { ...json('broken fields', body, contentType), badFields: bad };
      }),
    );
  const missing =
    route.required && route.required.length > 0
      ? fc
          .record({ base: valid, gone: fc.constantFrom(...route.required) })
          .map(({ base, gone }): BodyCase => {
            const { [gone]: _gone, ...body } = base;
            return { ...json('missing field', body), badFields: [gone] };
          })
      : fc.constant(json('valid', {}));
  const unknownKey = fc
    .record({
      base: valid,
      key: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom('__proto__', 'constructor', 'id', 'version'),
      ),
      value: fc.jsonValue({ maxDepth: 2 }),
    })
    .filter(({ key }) => !names.includes(key) && key.length > 0)
    .map(({ base, key, value }): BodyCase => {
      // Object.defineProperty so that "__proto__" becomes an own key that JSON.stringify writes.
      const body = { ...base };
      Object.defineProperty(body, key, { value, enumerable: true, configurable: true, writable: true });
      return { ...json('unknown key', body), unknownKey: key };
    });
  const deep = fc
    .record({ name: fc.constantFrom(...names), depth: fc.integer({ min: 100, max: 50_000 }) })
    .map(
      ({ name, depth }): BodyCase => ({
        strategy: 'deep nesting',
        body: `{${JSON.stringify(name)}:${'['.repeat(depth)}${']'.repeat(depth)}}`,
        contentType: 'application/json',
        badFields: [name],
      }),
    );
  const tooLarge: BodyCase = {
    strategy: 'too large',
    body: TOO_LARGE,
    contentType: 'application/json',
    badFields: [],
  };
  return fc.oneof(
    ...shared,
    { arbitrary: valid.map((v) => json('valid', v)), weight: 4 },
    { arbitrary: broken, weight: 6 },
    { arbitrary: missing, weight: 1 },
    { arbitrary: unknownKey, weight: 1 },
    { arbitrary: deep, weight: 1 },
    { arbitrary: fc.constant(tooLarge), weight: 1 },
  );
}

export function weirdSegment(pools: Pools): fc.Arbitrary<string> {
  const known = Object.values(pools).flat();
  return fc.oneof(
    fc.uuid().map(String),
    fc.constantFrom(...known),
    fc.constantFrom(...known.map((k) => k.toUpperCase())),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 10 }).map(encodeURIComponent),
    fc.constantFrom(...HOSTILE_SEGMENTS),
  );
}

export function cases(route: Route, pools: Pools): fc.Arbitrary<Case> {
  const placeholders = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as keyof Pools);
  const validSegments = fc.tuple(...placeholders.map((pool) => fc.constantFrom(...pools[pool])));
  const segments = fc.oneof(
    { arbitrary: validSegments.map((values) => ({ values, validPath: true })), weight: 4 },
    ...(placeholders.length > 0
      ? [
          {
            arbitrary: fc
              .tuple(validSegments, fc.nat(placeholders.length - 1), weirdSegment(pools))
              .map(([values, index, weird]) => ({
                values: values.map((v, i) => (i === index ? weird : v)),
                validPath: false,
              })),
            weight: 1,
          },
        ]
      : []),
  );
  const ifMatch = route.ifMatch
    ? fc.option(
        fc.oneof(
          fc.constantFrom('"1"', 'W/"2"', '*', '7', '"abc"', '', '"99999999999"', '"-1"', '"1", "2"'),
          fc.string({ maxLength: 12 }),
        ),
        { nil: undefined },
      )
    : fc.constant(undefined);
  return fc
    .record({ segments, ifMatch, body: bodyCases(route, pools) })
    .map(({ segments: { values, validPath }, ifMatch: header, body }) => {
      let i = 0;
      const path = route.path.replace(/\{\w+\}/g, () => values[i++]!);
      return { path, validPath, ifMatch: header, body };
    });
}

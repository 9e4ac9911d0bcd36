/**
 * Requests to any documented operation, built from its parameters and body schema, and the contract every
 * answer keeps: 2xx or 4xx, never a 5xx or a hang; errors well formed; a 400 names the fields it refuses.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { statusOf } from '../../src/http/errors.ts';
import type { ErrorCode } from '../../src/services/errors.ts';
import type { Body, TestApi } from '../support/api.ts';
import { EDGE_DATES, EDGE_INSTANTS, EDGE_TIME_ZONES } from './calendar-edges.ts';
import { ODD_TEXT, type Pools } from './field-values.ts';
import { HOSTILE_SEGMENTS, NOT_JSON, ODD_CONTENT_TYPES } from './hostile-input.ts';
import { type Operation, poolOf, resolve } from './openapi-operations.ts';
import { toJson } from './raw-json.ts';
import { type SchemaContext, validValue, wrongTypeValue } from './schema-values.ts';

/** A request stops counting as an answer after this long: a hang is a failure, not a slow test. */
export const HANG_MS = 10_000;

export interface OperationRequest {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string | Uint8Array | undefined;
  /** What the request means to test, for the failure message. */
  strategy: string;
  /** Every path segment is a real object's id or key. */
  realPath: boolean;
  /** A body field holding a value of the wrong JSON type: a 2xx is wrong, a body 400 must name it. */
  badField?: string;
  /** An unknown body key: a body 400 must name it. */
  unknownKey?: string;
}

export interface Answer {
  status: number;
  contentType: string;
  text: string;
  body: Body;
}

/** The values a path parameter takes: real ones mostly, hostile ones sometimes. */
function segment(
  operation: Operation,
  name: string,
  pools: Pools,
): fc.Arbitrary<{ value: string; real: boolean }> {
  const pool = poolOf(operation.path, name);
  const real = pool ? pools[pool] : [];
  const hostile = fc.oneof(
    fc.constantFrom(...HOSTILE_SEGMENTS),
    fc.uuid().map(String),
    fc.string({ maxLength: 20 }).map(encodeURIComponent),
  );
  const refused = hostile.map((value) => ({ value, real: false }));
  // No real values (a new kind of path parameter): hostile ones only; the coverage test names the gap.
  if (real.length === 0) return refused;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...real).map((value) => ({ value, real: true })), weight: 6 },
    { arbitrary: refused, weight: 1 },
  );
}

/** A query value: from the schema (calendar edges included), or a string no schema expects. */
function queryValue(schema: Operation['parameters'][number]['schema'], name: string, context: SchemaContext) {
  return fc.oneof(
    { arbitrary: validValue(schema, context, name).map(String), weight: 5 },
    {
      arbitrary: fc.constantFrom(
        ...EDGE_DATES,
        ...EDGE_INSTANTS,
        ...EDGE_TIME_ZONES,
        ...ODD_TEXT,
        '-1',
        '1e308',
      ),
      weight: 2,
    },
    { arbitrary: fc.string({ maxLength: 20 }), weight: 1 },
  );
}

function queryString(operation: Operation, context: SchemaContext): fc.Arbitrary<string> {
  const parameters = operation.parameters.filter((p) => p.in === 'query');
  const entries = parameters.map((p) =>
    p.required
      ? queryValue(p.schema, p.name, context).map((v) => [[p.name, v]])
      : fc.option(
          fc.oneof(
            { arbitrary: queryValue(p.schema, p.name, context).map((v) => [[p.name, v]]), weight: 4 },
            // A parameter given twice.
            {
              arbitrary: fc
                .tuple(queryValue(p.schema, p.name, context), fc.string({ maxLength: 8 }))
                .map(([a, b]) => [
                  [p.name, a],
                  [p.name, b],
                ]),
              weight: 1,
            },
          ),
          { nil: [] },
        ),
  );
  const unknown = fc.option(
    fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ maxLength: 8 }))
      .map(([k, v]) => [[k, v]]),
    { nil: [], freq: 8 },
  );
  return fc.tuple(...entries, unknown).map((lists) => {
    const search = new URLSearchParams();
    for (const [key, value] of lists.flat() as [string, string][]) search.append(key, value);
    const text = search.toString();
    return text ? `?${text}` : '';
  });
}

interface BodyPart {
  body: string | Uint8Array | undefined;
  contentType: string | null;
  strategy: string;
  badField?: string;
  unknownKey?: string;
}

function bodyPart(operation: Operation, context: SchemaContext): fc.Arbitrary<BodyPart> {
  const json = (strategy: string, value: unknown): BodyPart => ({
    body: toJson(value),
    contentType: 'application/json',
    strategy,
  });
  const junk = [
    {
      arbitrary: fc.constant<BodyPart>({ body: undefined, contentType: null, strategy: 'no body' }),
      weight: 2,
    },
    { arbitrary: fc.anything({ maxDepth: 3 }).map((v) => json('anything', v)), weight: 1 },
    {
      arbitrary: fc
        .record({ text: fc.constantFrom(...NOT_JSON), contentType: fc.constantFrom(...ODD_CONTENT_TYPES) })
        .map(({ text, contentType }): BodyPart => ({ body: text, contentType, strategy: 'not JSON' })),
      weight: 1,
    },
    {
      arbitrary: fc
        .uint8Array({ minLength: 1, maxLength: 30 })
        .map((body): BodyPart => ({ body, contentType: null, strategy: 'bytes' })),
      weight: 1,
    },
  ];
  // Fetch cannot send a body with a GET: a reading operation gets none.
  if (operation.method === 'GET') return junk[0]!.arbitrary;
  if (!operation.body) return fc.oneof(...junk);
  const schema = resolve(context.doc, operation.body);
  const valid = validValue(schema, context);
  const properties = Object.entries(schema.properties ?? {}).flatMap(([name, property]) => {
    const wrong = wrongTypeValue(property, context.doc);
    return wrong ? [{ name, wrong }] : [];
  });
  const cases = [...junk, { arbitrary: valid.map((v) => json('from the schema', v)), weight: 8 }];
  if (properties.length > 0) {
    const broken = fc.tuple(valid, fc.constantFrom(...properties)).chain(([base, { name, wrong }]) =>
      wrong.map((value): BodyPart => {
        const body = { ...(base as Record<string, unknown>), [name]: value };
        return { ...json('a field of the wrong type', body), badField: name };
      }),
    );
    cases.push({ arbitrary: broken, weight: 4 });
  }
  if (schema.additionalProperties === false) {
    const names = Object.keys(schema.properties ?? {});
    const unknown = fc
      .tuple(valid, fc.string({ minLength: 1, maxLength: 10 }), fc.jsonValue({ maxDepth: 1 }))
      .filter(([, key]) => !names.includes(key) && key !== '__proto__')
      .map(([base, key, value]): BodyPart => {
        const body = { ...(base as Record<string, unknown>), [key]: value };
        return { ...json('an unknown key', body), unknownKey: key };
      });
    cases.push({ arbitrary: unknown, weight: 1 });
  }
  return fc.oneof(...cases);
}

/** Random requests to one operation, as the owner mostly, sometimes with no or a made-up token. */
export function operationRequests(
  operation: Operation,
  context: SchemaContext,
  ownerToken: string,
): fc.Arbitrary<OperationRequest> {
  const names = [...operation.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  const segments = fc.tuple(...names.map((name) => segment(operation, name, context.pools)));
  const token = fc.oneof(
    { arbitrary: fc.constant(operation.authenticated ? ownerToken : undefined), weight: 12 },
    { arbitrary: fc.constant(undefined), weight: 1 },
    { arbitrary: fc.constantFrom('cairn_made_up', 'Basic abc', '\u00ff'), weight: 1 },
  );
  const ifMatch = operation.parameters.some((p) => p.in === 'header' && p.name === 'if-match')
    ? fc.option(fc.constantFrom('"1"', 'W/"2"', '*', '"abc"', '', '"99999999999"'), { nil: undefined })
    : fc.constant(undefined);
  return fc
    .record({
      segments,
      query: queryString(operation, context),
      token,
      ifMatch,
      body: bodyPart(operation, context),
    })
    .map(({ segments: values, query, token: bearer, ifMatch: version, body }) => {
      let i = 0;
      const path = operation.path.replace(/\{\w+\}/g, () => values[i++]!.value);
      const headers: Record<string, string> = {};
      if (bearer !== undefined)
        headers.authorization = bearer.startsWith('Basic') ? bearer : `Bearer ${bearer}`;
      if (body.contentType !== null) headers['content-type'] = body.contentType;
      if (version !== undefined) headers['if-match'] = version;
      return {
        path,
        query,
        headers,
        body: body.body,
        strategy: body.strategy,
        realPath: values.every((v) => v.real),
        badField: body.badField,
        unknownKey: body.unknownKey,
      };
    });
}

/** Sends the request; fails (instead of waiting forever) when no answer comes within HANG_MS. */
export async function send(api: TestApi, operation: Operation, request: OperationRequest): Promise<Answer> {
  // A loop that blocks the event loop also stops this deadline (and the test's output): FUZZ_DEBUG=1 prints
  // each request before it goes, so the last line names the culprit.
  if (process.env.FUZZ_DEBUG) process.stderr.write(`> ${describeRequest(operation, request)}\n`);
  const exchange = (async () => {
    const response = await api.app.request(`http://cairn.test/api/v1${request.path}${request.query}`, {
      method: operation.method,
      headers: request.headers,
      body: request.body,
    });
    const contentType = response.headers.get('content-type') ?? '';
    // A live stream never ends: its status and headers are the answer.
    if (contentType.startsWith('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, contentType, text: '', body: null };
    }
    const text = await response.text();
    let body: Body = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // not JSON: CSV, Markdown, HTML, or an error that the contract check will point out
    }
    return { status: response.status, contentType, text, body };
  })();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`no answer within ${HANG_MS} ms: ${describeRequest(operation, request)}`)),
      HANG_MS,
    );
  });
  try {
    return await Promise.race([exchange, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function describeRequest(operation: Operation, request: OperationRequest, answer?: Answer): string {
  const body =
    typeof request.body === 'string'
      ? request.body.slice(0, 300)
      : request.body === undefined
        ? '-'
        : 'bytes';
  const said = answer ? ` → ${answer.status} ${answer.text.slice(0, 400)}` : '';
  return `${operation.operationId}: ${operation.method} ${request.path}${request.query} [${request.strategy}] body ${body}${said}`;
}

/** The contract every answer keeps. */
export function checkAnswer(operation: Operation, request: OperationRequest, answer: Answer): void {
  const where = describeRequest(operation, request, answer);
  assert.ok(
    (answer.status >= 200 && answer.status < 300) || (answer.status >= 400 && answer.status < 500),
    `answers 2xx or 4xx: ${where}`,
  );
  if (request.badField !== undefined && request.realPath) {
    assert.ok(answer.status >= 400, `refuses ${request.badField} of the wrong type: ${where}`);
  }
  if (answer.status < 400) return;
  const error = answer.body?.error;
  assert.equal(typeof error?.code, 'string', `error code: ${where}`);
  assert.equal(typeof error.message, 'string', `error message: ${where}`);
  assert.equal(statusOf[error.code as ErrorCode], answer.status, `code matches status: ${where}`);
  if (answer.status !== 400) return;
  const issues: Body[] = error.details?.issues;
  assert.ok(Array.isArray(issues) && issues.length > 0, `a 400 lists issues: ${where}`);
  for (const issue of issues) {
    assert.ok(typeof issue.path === 'string' && issue.path.length > 0, `issue path: ${where}`);
    assert.equal(typeof issue.message, 'string', `issue message: ${where}`);
  }
  // Path and query are checked before the body: only a 400 about the body must name the bad body field.
  if (!issues.every((i) => i.in === 'body')) return;
  if (request.badField !== undefined) {
    const field = request.badField;
    assert.ok(
      issues.some((i) => i.path === field || i.path.startsWith(`${field}.`)),
      `the 400 names ${field}: ${where}`,
    );
  }
  if (request.unknownKey !== undefined) {
    const key = request.unknownKey;
    assert.ok(
      issues.some((i) => i.path === key || i.message.includes(key)),
      `the 400 names the unknown key ${JSON.stringify(key)}: ${where}`,
    );
  }
}

/**
 * Property-based fuzzing of every write route. Random, malformed and nearly-valid requests (wrong types,
 * huge and odd strings, deep nesting, non-JSON bodies, odd content types, random ids in the path) must be
 * answered with a well-formed error, never a 5xx; a 400 must name each bad field; and afterwards the
 * database must still hold the backlog's invariants. Valid requests are mixed in, and a model-based run of
 * creates, moves, trashes and restores checks the backlog order against an array model.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { statusOf } from '../src/http/errors.ts';
import type { ErrorCode } from '../src/services/errors.ts';
import type { Db } from '../src/store/database.ts';
import { type Body, buildItem, buildProduct, buildUser, createTestApi, type TestApi } from './support/api.ts';
import { DIALECTS } from './support/databases.ts';

// ---------------------------------------------------------------------------------------------------------
// Raw JSON: literals JSON.stringify cannot write (-0, 1e400 = Infinity, 1e-400 = 0) are spliced in verbatim.

class RawJson {
  constructor(readonly text: string) {}
  toString() {
    return `Raw(${this.text})`;
  }
}

function toJson(value: unknown): string | undefined {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawJson) {
      raws.push(v.text);
      return `\u0001raw${raws.length - 1}\u0001`;
    }
    return v;
  });
  return text?.replace(/"\\u0001raw(\d+)\\u0001"/g, (_match, i: string) => raws[Number(i)]!);
}

// ---------------------------------------------------------------------------------------------------------
// Field descriptions: enough to generate valid values and values that no reading of the schema accepts.

type Pool =
  | 'product'
  | 'item'
  | 'itemRef'
  | 'objective'
  | 'theme'
  | 'initiative'
  | 'user'
  | 'team'
  | 'sprint'
  | 'release';
type Pools = Record<Pool | 'dependency' | 'external' | 'token', string[]>;

type Field =
  | { kind: 'text'; max: number; required: boolean }
  | { kind: 'enum'; values: readonly string[] }
  | { kind: 'id'; pool: Pool; nullable: boolean }
  | { kind: 'ref'; pool: Pool }
  | { kind: 'date' }
  | { kind: 'number'; min: number; max: number; int: boolean; nullable: boolean }
  | { kind: 'boolean' }
  | { kind: 'pattern'; valid: fc.Arbitrary<string>; invalid: readonly string[] }
  | { kind: 'password'; min: number }
  | { kind: 'label' }
  | { kind: 'story' }
  | { kind: 'criterion' }
  | { kind: 'list'; of: Field; max: number; sample: unknown };

const text = (max: number, required = false): Field => ({ kind: 'text', max, required });
const oneOf = (...values: string[]): Field => ({ kind: 'enum', values });
const id = (pool: Pool, nullable = false): Field => ({ kind: 'id', pool, nullable });
const list = (of: Field, max: number, sample: unknown): Field => ({ kind: 'list', of, max, sample });
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SOME_UUID = '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d';

/** Strings that have broken servers before: NUL, lone surrogates, RTL overrides, SQL, markup, numbers. */
const ODD_TEXT = [
  'a\u0000b',
  '\u0000',
  '\ud800',
  'lone \udfff surrogate',
  '💥 boom 🎉',
  'e\u0301 combining',
  '\u202eevil',
  '\u200b',
  'Ωμέγα 漢字 עברית',
  "'; drop table items; --",
  '<script>alert(1)</script>',
  'NaN',
  '-0',
  '1e308',
  'null',
  '__proto__',
  'constructor',
  '  padded  ',
  'line\nbreak\ttab',
  '\\"quoted\\"',
  '%s%n%x',
];

const KEY_PATTERN: Field = {
  kind: 'pattern',
  // Never P…: the harness's buildProduct hands out P?? keys.
  valid: fc.stringMatching(/^[A-OQ-Z][A-Z]{1,9}$/),
  invalid: ['A', 'abc', 'ABCDEFGHIJK', 'A1', 'AB-', ' AB', 'ÄB', '', 'AB\u0000'],
};
const COLOR_PATTERN: Field = {
  kind: 'pattern',
  valid: fc.stringMatching(/^#[0-9a-fA-F]{6}$/),
  invalid: ['red', '#fff', '#12345g', '#1234567', '123456', '', '#12345\u0000'],
};
const EMAIL_PATTERN: Field = {
  kind: 'pattern',
  valid: fc.oneof(
    fc.stringMatching(/^[a-z]{1,8}\.[a-z]{1,8}@example\.(com|org)$/),
    fc.constantFrom(' Padded@Example.COM ', 'MiXeD.case@example.org'),
  ),
  invalid: [
    'plainaddress',
    '@example.com',
    'a@',
    'a b@example.com',
    'a@example',
    '',
    'a@@example.com',
    `${'x'.repeat(250)}@example.com`,
    'nul\u0000@example.com',
  ],
};

const SAMPLES: Record<
  'string' | 'number' | 'boolean' | 'array' | 'object' | 'null',
  fc.Arbitrary<unknown>
> = {
  string: fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom('NaN', 'Infinity', '-0', '1e308', 'true', ''),
  ),
  number: fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constantFrom(new RawJson('1e400'), new RawJson('-1e400'), new RawJson('-0'), new RawJson('1e308')),
  ),
  boolean: fc.boolean(),
  array: fc.oneof(fc.constant([]), fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 })),
  object: fc.oneof(
    fc.constant({}),
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { minKeys: 1, maxKeys: 3 }),
  ),
  null: fc.constant(null),
};

/** A value of none of the accepted JSON types. */
function wrongType(...accepts: (keyof typeof SAMPLES)[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    ...Object.entries(SAMPLES)
      .filter(([type]) => !accepts.includes(type as keyof typeof SAMPLES))
      .map(([, arbitrary]) => arbitrary),
  );
}

const nullable = (yes: boolean): (keyof typeof SAMPLES)[] => (yes ? ['null'] : []);

function textValue(max: number, required: boolean): fc.Arbitrary<string> {
  return fc
    .oneof(
      { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 5 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
      { arbitrary: fc.constantFrom(...ODD_TEXT), weight: 2 },
      { arbitrary: fc.constant('x'.repeat(max)), weight: 1 },
    )
    .filter((s) => s.trim().length <= max && (!required || s.trim().length > 0));
}

function validValue(field: Field, pools: Pools): fc.Arbitrary<unknown> {
  switch (field.kind) {
    case 'text':
      return textValue(field.max, field.required);
    case 'enum':
      return fc.constantFrom(...field.values);
    case 'id':
      return field.nullable
        ? fc.oneof(fc.constant(null), fc.constantFrom(...pools[field.pool]))
        : fc.constantFrom(...pools[field.pool]);
    case 'ref':
      return fc.constantFrom(...pools[field.pool]);
    case 'date':
      return fc.oneof(
        fc.constant(null),
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      );
    case 'number': {
      const { min, max } = field;
      const raw = [
        new RawJson('1E2'),
        new RawJson('-0'),
        new RawJson('0.1e-400'),
        new RawJson('1000.0'),
      ].filter((r) => {
        const n = Number(r.text);
        return n >= min && n <= max && (!field.int || Number.isInteger(n));
      });
      return fc.oneof(
        fc.integer({ min, max }),
        field.int ? fc.integer({ min, max }) : fc.double({ min, max, noNaN: true }),
        ...(raw.length > 0 ? [fc.constantFrom(...raw)] : []),
        ...(field.nullable ? [fc.constant(null)] : []),
      );
    }
    case 'boolean':
      return fc.boolean();
    case 'pattern':
      return field.valid;
    case 'password':
      return fc.oneof(
        fc.string({ minLength: Math.max(field.min, 1), maxLength: 40 }),
        fc.constantFrom('ünïcödé pässwörd!', 'a\u0000 password with NUL', '💥💥💥💥💥💥💥💥'),
      );
    case 'label':
      return fc.oneof(
        fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
        fc.constantFrom('ünïcödé', '💥', 'with space', 'nul\u0000label', ' padded '),
      );
    case 'story':
      return fc.oneof(
        fc.constant(null),
        fc.record(
          { asA: textValue(300, true), iWant: textValue(1_000, true), soThat: textValue(1_000, false) },
          { requiredKeys: ['asA', 'iWant'] },
        ),
      );
    case 'criterion':
      return fc.record({ text: textValue(2_000, true), done: fc.boolean() }, { requiredKeys: ['text'] });
    case 'list':
      return fc.array(validValue(field.of, pools), { maxLength: Math.min(field.max, 4) });
  }
}

/** Values the field's schema must refuse, whatever else the body holds. */
function invalidValue(field: Field): fc.Arbitrary<unknown> {
  const longer = (max: number, char: string) =>
    fc.integer({ min: 1, max: 40 }).map((n) => char.repeat(max + n));
  switch (field.kind) {
    case 'text':
      return fc.oneof(
        wrongType('string'),
        longer(field.max, 'y'),
        ...(field.required ? [fc.constantFrom('', '   ', '\n\t ')] : []),
      );
    case 'enum':
      return fc.oneof(
        wrongType('string'),
        fc.string({ maxLength: 12 }).filter((s) => !field.values.includes(s)),
        fc.constantFrom(...field.values.map((v) => v.toUpperCase()), ...field.values.map((v) => ` ${v}`)),
      );
    case 'id':
      return fc.oneof(
        wrongType('string', ...nullable(field.nullable)),
        fc.string({ maxLength: 40 }).filter((s) => !UUID.test(s)),
        fc.constantFrom(
          '0192f0c17a3b7c4e9a1d3f5e6a7b8c9d',
          `${SOME_UUID} `,
          `{${SOME_UUID}}`,
          '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9g',
          'CAI-1',
        ),
      );
    case 'ref':
      return fc.oneof(wrongType('string'), fc.constant(''), longer(100, 'K'));
    case 'date':
      return fc.oneof(
        wrongType('string', 'null'),
        fc.string({ maxLength: 12 }).filter((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s)),
        fc.constantFrom(
          '2027-02-30',
          '2027-13-01',
          '2027-00-10',
          '2026-02-29',
          '2027-1-1',
          '27-01-01',
          '2027/01/01',
          '2027-01-01T00:00:00Z',
          ' 2027-01-01',
          'tomorrow',
        ),
      );
    case 'number': {
      const { min, max } = field;
      const outside: unknown[] = [
        min - 0.5,
        max + 0.5,
        1e308,
        -1e308,
        new RawJson('1e400'),
        new RawJson('-1e400'),
      ];
      if (field.int) outside.push(min + 0.5, new RawJson(`${min}.5`));
      if (min > 0) outside.push(new RawJson('-0'), new RawJson('0.1e-400'));
      return fc.oneof(
        wrongType('number', ...nullable(field.nullable)),
        fc.integer({ min: max + 1, max: max + 1_000_000 }),
        fc.integer({ min: min - 1_000_000, max: min - 1 }),
        fc.constantFrom(...outside),
      );
    }
    case 'boolean':
      return fc.oneof(wrongType('boolean'), fc.constantFrom('true', 'false', 0, 1));
    case 'pattern':
      return fc.oneof(wrongType('string'), fc.constantFrom(...field.invalid));
    case 'password':
      return fc.oneof(
        wrongType('string'),
        longer(1_024, 'p'),
        ...(field.min > 0 ? [fc.string({ maxLength: field.min - 1 })] : []),
      );
    case 'label':
      return fc.oneof(wrongType('string'), fc.constantFrom('a,b', '', '   ', ',lead'), longer(50, 'l'));
    case 'story':
      return fc.oneof(
        wrongType('object', 'null'),
        fc.constantFrom(
          {},
          { asA: 'a' },
          { iWant: 'b' },
          { asA: 'a', iWant: 'b', extra: 1 },
          { asA: '', iWant: 'b' },
          { asA: 'a', iWant: '   ' },
          { asA: 1, iWant: 'b' },
          { asA: 'a', iWant: 'b', soThat: null },
        ),
      );
    case 'criterion':
      return fc.oneof(
        wrongType('object'),
        fc.constantFrom(
          {},
          { text: '' },
          { text: 'a', done: 'yes' },
          { text: 'a', extra: 1 },
          { done: true },
        ),
      );
    case 'list':
      return fc.oneof(
        wrongType('array'),
        invalidValue(field.of).map((bad) => [bad]),
        invalidValue(field.of).map((bad) => [field.sample, bad]),
        fc.constant(Array.from({ length: field.max + 1 }, () => field.sample)),
      );
  }
}

// ---------------------------------------------------------------------------------------------------------
// The write routes. Placeholders in paths name the fixture pool a valid value is drawn from.

interface Route {
  method: 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  fields?: Record<string, Field>;
  required?: string[];
  /** Two placement-like fields: exactly one (move, dependency) or at most one (create) of them. */
  pair?: { fields: [string, string]; exactlyOne: boolean };
  ifMatch?: boolean;
  /** The pool a 201's id joins, so later routes can aim at it. */
  creates?: keyof Pools;
  runs?: number;
}

const ITEM_FIELDS: Record<string, Field> = {
  type: oneOf('story', 'task', 'bug', 'spike'),
  title: text(500, true),
  story: { kind: 'story' },
  description: text(100_000),
  acceptanceCriteria: list({ kind: 'criterion' }, 100, { text: 'c' }),
  estimate: { kind: 'number', min: 0, max: 1_000, int: false, nullable: true },
  status: oneOf('backlog', 'ready', 'in_progress', 'in_review', 'done', 'wont_do'),
  initiativeId: id('initiative', true),
  labels: list({ kind: 'label' }, 20, 'l'),
  assigneeId: id('user', true),
  sprintId: id('sprint', true),
  releaseId: id('release', true),
};

const TIME_ZONE_PATTERN: Field = {
  kind: 'pattern',
  valid: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'),
  invalid: ['Mars/Olympus', '', 'Not a zone', 'Europe/Berlin\u0000'],
};

const SPRINT_FIELDS: Record<string, Field> = {
  name: text(200, true),
  goal: text(2_000),
  startDate: { kind: 'date' },
  endDate: { kind: 'date' },
  timezone: TIME_ZONE_PATTERN,
  capacity: { kind: 'number', min: 0, max: 100_000, int: false, nullable: true },
};

const RELEASE_FIELDS: Record<string, Field> = {
  name: text(200, true),
  description: text(10_000),
  targetDate: { kind: 'date' },
};

const INITIATIVE_FIELDS: Record<string, Field> = {
  title: text(300, true),
  summary: text(20_000),
  themeId: id('theme', true),
  objectiveIds: list(id('objective'), 50, SOME_UUID),
  horizon: oneOf('now', 'next', 'later'),
  startDate: { kind: 'date' },
  targetDate: { kind: 'date' },
  confidence: oneOf('committed', 'planned', 'exploratory'),
  visibility: oneOf('internal', 'public'),
  publicSummary: text(5_000),
  status: oneOf('proposed', 'active', 'done', 'dropped'),
  successMetrics: list(text(500, true), 50, 'm'),
};

const EXTERNAL_FIELDS: Record<string, Field> = {
  title: text(300, true),
  owner: text(200),
  expectedDate: { kind: 'date' },
  met: { kind: 'boolean' },
  note: text(2_000),
};

function planningRoutes(
  plural: 'objectives' | 'themes' | 'initiatives',
  fields: Record<string, Field>,
): Route[] {
  const pool = plural.slice(0, -1) as Pool;
  const required = Object.keys(fields).filter((name) => ['title', 'name'].includes(name));
  return [
    { method: 'POST', path: `/products/{product}/${plural}`, fields, required, creates: pool },
    { method: 'PATCH', path: `/${plural}/{${pool}}`, fields },
    { method: 'DELETE', path: `/${plural}/{${pool}}` },
    { method: 'POST', path: `/${plural}/{${pool}}/restore` },
  ];
}

const ROUTES: Route[] = [
  {
    method: 'POST',
    path: '/setup',
    fields: { email: EMAIL_PATTERN, name: text(200, true), password: { kind: 'password', min: 12 } },
    required: ['email', 'name', 'password'],
  },
  {
    method: 'POST',
    path: '/auth/login',
    fields: { email: EMAIL_PATTERN, password: { kind: 'password', min: 0 } },
    required: ['email', 'password'],
    runs: 60,
  },
  { method: 'POST', path: '/auth/logout' },
  {
    method: 'POST',
    path: '/tokens',
    fields: {
      name: text(100, true),
      expiresInDays: { kind: 'number', min: 1, max: 3_650, int: true, nullable: false },
    },
    required: ['name'],
  },
  { method: 'DELETE', path: '/tokens/{token}' },
  {
    method: 'POST',
    path: '/users',
    fields: {
      email: EMAIL_PATTERN,
      name: text(200, true),
      role: oneOf('owner', 'admin', 'editor', 'viewer'),
      password: { kind: 'password', min: 12 },
    },
    required: ['email', 'name', 'role'],
    creates: 'user',
    runs: 80,
  },
  {
    method: 'POST',
    path: '/products',
    fields: { key: KEY_PATTERN, name: text(200, true), description: text(10_000) },
    required: ['key', 'name'],
    creates: 'product',
  },
  {
    method: 'PATCH',
    path: '/products/{product}',
    fields: { name: text(200, true), description: text(10_000), releaseNotesPublic: { kind: 'boolean' } },
  },
  { method: 'PUT', path: '/products/{product}/members/{user}' },
  { method: 'DELETE', path: '/products/{product}/members/{user}' },
  ...planningRoutes('objectives', { title: text(300, true), description: text(10_000) }),
  ...planningRoutes('themes', { name: text(200, true), color: COLOR_PATTERN, description: text(10_000) }),
  ...planningRoutes('initiatives', INITIATIVE_FIELDS),
  {
    method: 'POST',
    path: '/products/{product}/items',
    fields: { ...ITEM_FIELDS, beforeId: id('item'), afterId: id('item') },
    required: ['title'],
    pair: { fields: ['beforeId', 'afterId'], exactlyOne: false },
    creates: 'item',
    runs: 150,
  },
  { method: 'PATCH', path: '/items/{item}', fields: ITEM_FIELDS, ifMatch: true, runs: 150 },
  {
    method: 'POST',
    path: '/items/{item}/move',
    fields: { beforeId: id('item'), afterId: id('item') },
    pair: { fields: ['beforeId', 'afterId'], exactlyOne: true },
    runs: 150,
  },
  { method: 'DELETE', path: '/items/{item}' },
  { method: 'POST', path: '/items/{item}/restore' },
  {
    method: 'POST',
    path: '/items/{itemRef}/dependencies',
    fields: {
      blockedBy: { kind: 'ref', pool: 'itemRef' },
      blocks: { kind: 'ref', pool: 'itemRef' },
      kind: oneOf('technical', 'business'),
      note: text(2_000),
    },
    pair: { fields: ['blockedBy', 'blocks'], exactlyOne: true },
    creates: 'dependency',
  },
  { method: 'DELETE', path: '/dependencies/{dependency}' },
  {
    method: 'POST',
    path: '/items/{itemRef}/external-dependencies',
    fields: EXTERNAL_FIELDS,
    required: ['title'],
    creates: 'external',
  },
  { method: 'PATCH', path: '/external-dependencies/{external}', fields: EXTERNAL_FIELDS },
  { method: 'DELETE', path: '/external-dependencies/{external}' },
  {
    method: 'POST',
    path: '/products/{product}/teams',
    fields: { name: text(200, true), description: text(10_000), memberIds: list(id('user'), 200, SOME_UUID) },
    required: ['name'],
    creates: 'team',
  },
  {
    method: 'PATCH',
    path: '/teams/{team}',
    fields: { name: text(200, true), description: text(10_000), memberIds: list(id('user'), 200, SOME_UUID) },
    ifMatch: true,
  },
  { method: 'DELETE', path: '/teams/{team}' },
  {
    method: 'POST',
    path: '/products/{product}/sprints',
    fields: { ...SPRINT_FIELDS, teamId: id('team', true) },
    required: ['name', 'startDate', 'endDate'],
    creates: 'sprint',
  },
  { method: 'PATCH', path: '/sprints/{sprint}', fields: SPRINT_FIELDS, ifMatch: true },
  { method: 'POST', path: '/sprints/{sprint}/start' },
  {
    method: 'POST',
    path: '/sprints/{sprint}/close',
    fields: { leftovers: oneOf('next', 'backlog'), nextSprintId: id('sprint') },
  },
  { method: 'DELETE', path: '/sprints/{sprint}' },
  {
    method: 'POST',
    path: '/products/{product}/releases',
    fields: RELEASE_FIELDS,
    required: ['name'],
    creates: 'release',
  },
  {
    method: 'PATCH',
    path: '/releases/{release}',
    fields: {
      ...RELEASE_FIELDS,
      state: oneOf('planned', 'released', 'cancelled'),
      notesDraft: text(200_000),
    },
    ifMatch: true,
  },
  { method: 'POST', path: '/releases/{release}/notes/generate' },
  { method: 'POST', path: '/releases/{release}/notes/publish' },
  { method: 'DELETE', path: '/releases/{release}' },
];

// ---------------------------------------------------------------------------------------------------------
// Requests and their cases.

interface BodyCase {
  strategy: string;
  body: string | Uint8Array | undefined;
  contentType: string | null;
  /** Fields a 400 must name (only checked when the path is valid: path errors come first). */
  badFields: string[];
  /** An unknown key the 400 must mention. */
  unknownKey?: string;
}

interface Case {
  path: string;
  validPath: boolean;
  ifMatch: string | undefined;
  body: BodyCase;
}

interface Answer {
  status: number;
  text: string;
  body: Body;
}

async function send(api: TestApi, method: string, c: Case): Promise<Answer> {
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

function describeCase(route: Route, c: Case, answer: Answer): string {
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
function checkAnswer(route: Route, c: Case, answer: Answer): void {
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

const JSON_TYPES = ['application/json', 'application/json; charset=utf-8', 'Application/JSON'];
const ODD_CONTENT_TYPES: (string | null)[] = [
  null,
  '',
  'application/json',
  'application/json;charset=utf-8',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/vnd.api+json',
  'application/vnd.api.v2+json',
  'application/json ; charset=utf-8',
  'application/json; charset',
  'text/plain',
  'text/json',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  '*/*',
];
const NOT_JSON = [
  '{',
  '{"title":',
  'undefined',
  'NaN',
  "{'title':'x'}",
  '{"title":"x",}',
  '\u0000',
  '\ufeff{"title":"x"}',
  'title=x&key=AB',
  '--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nx\r\n--xyz--\r\n',
  '<title>x</title>',
  '-0',
  '1e400',
  '[]',
  'null',
  '"just a string"',
  '{"__proto__": {"role": "owner"}, "title": "x"}',
  '{"constructor": {"prototype": {"x": 1}}}',
  '{"title": "a", "title": 1}',
];
const TOO_LARGE = `{"title":"${'h'.repeat(1_100_000)}"}`;

function fieldBody(route: Route, pools: Pools): fc.Arbitrary<Record<string, unknown>> {
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

function bodyCases(route: Route, pools: Pools): fc.Arbitrary<BodyCase> {
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

function weirdSegment(pools: Pools): fc.Arbitrary<string> {
  const known = Object.values(pools).flat();
  return fc.oneof(
    fc.uuid().map(String),
    fc.constantFrom(...known),
    fc.constantFrom(...known.map((k) => k.toUpperCase())),
    fc.string({ maxLength: 30 }).map(encodeURIComponent),
    fc.string({ unit: 'grapheme', maxLength: 10 }).map(encodeURIComponent),
    fc.constantFrom(
      '%',
      '%zz',
      '%00',
      '%2F',
      '%2e%2e',
      '.',
      'PA-0',
      'ZZ-99999999999',
      'a'.repeat(300),
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      'null',
      '-0',
      'NaN',
      '1e308',
      '%F0%9F%92%A5',
      '%C0%AE',
    ),
  );
}

function cases(route: Route, pools: Pools): fc.Arbitrary<Case> {
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

// ---------------------------------------------------------------------------------------------------------
// Invariants, read straight from the database.

async function checkInvariants(db: Db): Promise<void> {
  const items = await db
    .selectFrom('items')
    .select(['id', 'product_id', 'number', 'key', 'rank', 'initiative_id', 'labels'])
    .orderBy('product_id')
    .orderBy('rank')
    .execute();
  const products = new Map(
    (await db.selectFrom('products').select(['id', 'key', 'next_item_number']).execute()).map((p) => [
      p.id,
      p,
    ]),
  );
  const initiatives = new Map(
    (await db.selectFrom('initiatives').select(['id', 'product_id']).execute()).map((i) => [i.id, i]),
  );
  const keys = new Set<string>();
  const maxNumber = new Map<string, number>();
  for (const [index, item] of items.entries()) {
    assert.match(item.rank, /^[0-9A-Za-z]+$/, `${item.key} has a real rank key, not a placeholder`);
    const previous = items[index - 1];
    if (previous && previous.product_id === item.product_id) {
      assert.ok(
        previous.rank < item.rank,
        `ranks strictly ordered: ${previous.key} ${previous.rank} < ${item.rank}`,
      );
    }
    assert.equal(keys.has(item.key), false, `item key ${item.key} is unique`);
    keys.add(item.key);
    const product = products.get(item.product_id);
    assert.ok(product, `${item.key} belongs to an existing product`);
    assert.equal(item.key, `${product.key}-${item.number}`, 'an item key is its product key and number');
    maxNumber.set(item.product_id, Math.max(maxNumber.get(item.product_id) ?? 0, item.number));
    if (item.initiative_id !== null) {
      const initiative = initiatives.get(item.initiative_id);
      assert.ok(initiative, `${item.key} points at an existing initiative`);
      assert.equal(initiative.product_id, item.product_id, `${item.key}'s initiative is of its product`);
    }
  }
  for (const [productId, max] of maxNumber) {
    assert.ok(products.get(productId)!.next_item_number >= max, 'next_item_number is past every item number');
  }

  const itemIds = new Set(items.map((i) => i.id));
  const itemProduct = new Map(items.map((i) => [i.id, i.product_id]));
  const dependencies = await db.selectFrom('dependencies').selectAll().execute();
  for (const d of dependencies) {
    assert.ok(
      itemIds.has(d.blocker_id) && itemIds.has(d.blocked_id),
      `dependency ${d.id} joins existing items`,
    );
    assert.notEqual(d.blocker_id, d.blocked_id, 'no item blocks itself');
    assert.equal(
      d.product_id,
      itemProduct.get(d.blocked_id),
      'a dependency belongs to the blocked item’s product',
    );
  }
  // No cycles: repeatedly remove items that block nothing still present.
  const edges = dependencies.map((d) => [d.blocker_id, d.blocked_id] as const);
  let remaining = new Set(edges.flat());
  for (let changed = true; changed; ) {
    const blocking = new Set(edges.filter(([a, b]) => remaining.has(a) && remaining.has(b)).map(([a]) => a));
    const next = new Set([...remaining].filter((id) => blocking.has(id)));
    changed = next.size < remaining.size;
    remaining = next;
  }
  assert.equal(remaining.size, 0, 'the dependency graph has no cycle');

  const externals = await db.selectFrom('external_dependencies').select(['id', 'item_id']).execute();
  for (const e of externals)
    assert.ok(itemIds.has(e.item_id), `external dependency ${e.id} is on an existing item`);

  const labelRows = await db.selectFrom('item_labels').select(['item_id', 'label']).execute();
  const indexed = new Map<string, string[]>();
  for (const row of labelRows) indexed.set(row.item_id, [...(indexed.get(row.item_id) ?? []), row.label]);
  for (const item of items) {
    const labels = JSON.parse(item.labels) as string[];
    assert.deepEqual(
      [...(indexed.get(item.id) ?? [])].sort(),
      [...labels].sort(),
      `${item.key}'s label index matches its labels`,
    );
  }

  const eventCounts = await db
    .selectFrom('events')
    .select(['entity_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('entity_type', '=', 'item')
    .groupBy('entity_id')
    .execute();
  const counted = new Map(eventCounts.map((e) => [e.entity_id, Number(e.count)]));
  for (const item of items) assert.ok((counted.get(item.id) ?? 0) >= 1, `${item.key} has at least one event`);
}

// ---------------------------------------------------------------------------------------------------------
// A model of one product's order (trashed items keep their place, invisibly) for fc.commands.

interface OrderModel {
  order: { id: string; trashed: boolean }[];
}
interface Real {
  api: TestApi;
  productId: string;
}

const live = (m: OrderModel) => m.order.filter((x) => !x.trashed);

function place(m: OrderModel, itemId: string, anchorId: string | undefined, side: 'before' | 'after'): void {
  const entry = m.order.find((x) => x.id === itemId) ?? { id: itemId, trashed: false };
  m.order = m.order.filter((x) => x.id !== itemId);
  if (anchorId === undefined) {
    m.order.push(entry);
    return;
  }
  const at = m.order.findIndex((x) => x.id === anchorId);
  m.order.splice(side === 'before' ? at : at + 1, 0, entry);
}

async function checkOrder(m: OrderModel, r: Real): Promise<void> {
  const page = await r.api.call('GET', `/products/${r.productId}/items?limit=500`);
  assert.equal(page.status, 200);
  assert.deepEqual(
    page.body.items.map((i: Body) => i.id),
    live(m).map((x) => x.id),
    'the listed order matches the model',
  );
  const all = await r.api.database.db
    .selectFrom('items')
    .select('id')
    .where('product_id', '=', r.productId)
    .orderBy('rank')
    .execute();
  assert.deepEqual(
    all.map((x) => x.id),
    m.order.map((x) => x.id),
    'trashed items keep their place in the full order',
  );
}

class CreateItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(
    readonly side: 'bottom' | 'before' | 'after',
    readonly anchor: number,
  ) {}
  check = () => true;
  async run(m: OrderModel, r: Real) {
    const anchors = live(m);
    const anchor =
      this.side === 'bottom' || anchors.length === 0 ? undefined : anchors[this.anchor % anchors.length];
    const body: Record<string, string> = { title: `created ${this.side}` };
    if (anchor) body[this.side === 'before' ? 'beforeId' : 'afterId'] = anchor.id;
    const created = await r.api.call('POST', `/products/${r.productId}/items`, { body });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    place(m, created.body.id, anchor?.id, this.side === 'before' ? 'before' : 'after');
    await checkOrder(m, r);
  }
  toString = () => `create(${this.side}, ${this.anchor})`;
}

class MoveItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(
    readonly item: number,
    readonly side: 'before' | 'after',
    readonly anchor: number,
  ) {}
  check = (m: Readonly<OrderModel>) => live(m as OrderModel).length >= 2;
  async run(m: OrderModel, r: Real) {
    const items = live(m);
    const moving = items[this.item % items.length]!;
    const others = items.filter((x) => x.id !== moving.id);
    const anchor = others[this.anchor % others.length]!;
    const moved = await r.api.call('POST', `/items/${moving.id}/move`, {
      body: { [this.side === 'before' ? 'beforeId' : 'afterId']: anchor.id },
    });
    assert.equal(moved.status, 200, JSON.stringify(moved.body));
    place(m, moving.id, anchor.id, this.side);
    await checkOrder(m, r);
  }
  toString = () => `move(${this.item}, ${this.side}, ${this.anchor})`;
}

class TrashItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(readonly item: number) {}
  check = (m: Readonly<OrderModel>) => live(m as OrderModel).length >= 1;
  async run(m: OrderModel, r: Real) {
    const items = live(m);
    const target = items[this.item % items.length]!;
    const trashed = await r.api.call('DELETE', `/items/${target.id}`);
    assert.equal(trashed.status, 200, JSON.stringify(trashed.body));
    target.trashed = true;
    await checkOrder(m, r);
  }
  toString = () => `trash(${this.item})`;
}

class RestoreItem implements fc.AsyncCommand<OrderModel, Real> {
  constructor(readonly item: number) {}
  check = (m: Readonly<OrderModel>) => m.order.some((x) => x.trashed);
  async run(m: OrderModel, r: Real) {
    const trashed = m.order.filter((x) => x.trashed);
    const target = trashed[this.item % trashed.length]!;
    const restored = await r.api.call('POST', `/items/${target.id}/restore`);
    assert.equal(restored.status, 200, JSON.stringify(restored.body));
    target.trashed = false;
    await checkOrder(m, r);
  }
  toString = () => `restore(${this.item})`;
}

const createCommand = fc
  .tuple(fc.constantFrom('bottom' as const, 'before' as const, 'after' as const), fc.nat())
  .map(([side, anchor]) => new CreateItem(side, anchor));
const orderCommands = [
  createCommand,
  createCommand,
  fc
    .tuple(fc.nat(), fc.constantFrom('before' as const, 'after' as const), fc.nat())
    .map(([item, side, anchor]) => new MoveItem(item, side, anchor)),
  fc.nat().map((item) => new TrashItem(item)),
  fc.nat().map((item) => new RestoreItem(item)),
];

// ---------------------------------------------------------------------------------------------------------

for (const dialect of DIALECTS) {
  describe(`write routes under fuzzing (${dialect})`, () => {
    let api: TestApi;
    const pools: Pools = {
      product: [],
      item: [],
      itemRef: [],
      objective: [],
      theme: [],
      initiative: [],
      user: [],
      dependency: [],
      external: [],
      token: [],
      team: [],
      sprint: [],
      release: [],
    };

    before(async () => {
      api = await createTestApi(dialect);
      const product = await buildProduct(api);
      const other = await buildProduct(api);
      pools.product.push(product.id, other.id);
      const objective = await api.call('POST', `/products/${product.id}/objectives`, {
        body: { title: 'Grow' },
      });
      const theme = await api.call('POST', `/products/${product.id}/themes`, { body: { name: 'Checkout' } });
      const initiative = await api.call('POST', `/products/${product.id}/initiatives`, {
        body: { title: 'One-click', themeId: theme.body.id, objectiveIds: [objective.body.id] },
      });
      pools.objective.push(objective.body.id);
      pools.theme.push(theme.body.id);
      pools.initiative.push(initiative.body.id);
      for (const [productId, count] of [
        [product.id, 6],
        [other.id, 2],
      ] as const) {
        for (let i = 0; i < count; i++) {
          const item = await buildItem(api, productId, { title: `Fixture ${i}` });
          pools.item.push(item.id);
          pools.itemRef.push(item.id, item.key);
        }
      }
      const dependency = await api.call('POST', `/items/${pools.item[0]}/dependencies`, {
        body: { blocks: pools.item[1] },
      });
      const external = await api.call('POST', `/items/${pools.item[0]}/external-dependencies`, {
        body: { title: 'Legal sign-off' },
      });
      pools.dependency.push(dependency.body.id);
      pools.external.push(external.body.id);
      const { user } = await buildUser(api, 'editor');
      pools.user.push(api.ownerId, user.id);
      // A token of the owner's that may be revoked; the token the requests use is never in the pool.
      const token = await api.call('POST', '/tokens', { body: { name: 'expendable' } });
      pools.token.push(token.body.id);
      const team = await api.call('POST', `/products/${product.id}/teams`, { body: { name: 'Squad' } });
      const sprint = await api.call('POST', `/products/${product.id}/sprints`, {
        body: { name: 'Sprint 1', teamId: team.body.id, startDate: '2027-01-04', endDate: '2027-01-15' },
      });
      const release = await api.call('POST', `/products/${product.id}/releases`, { body: { name: '1.0' } });
      pools.team.push(team.body.id);
      pools.sprint.push(sprint.body.id);
      pools.release.push(release.body.id);
    });
    after(() => api.close());

    for (const route of ROUTES) {
      const runs = route.runs ?? (route.fields ? 120 : 60);
      it(`${route.method} ${route.path} answers malformed input with a well-formed 4xx naming the bad fields`, async () => {
        await fc.assert(
          fc.asyncProperty(cases(route, pools), async (c) => {
            const answer = await send(api, route.method, c);
            checkAnswer(route, c, answer);
            if (answer.status === 201 && route.creates && typeof answer.body?.id === 'string') {
              pools[route.creates].push(answer.body.id);
              if (route.creates === 'item') pools.itemRef.push(answer.body.key);
            }
          }),
          { numRuns: runs },
        );
      });
    }

    it('keeps the backlog order equal to an array model through random creates, moves, trashes and restores', async () => {
      let counter = 0;
      await fc.assert(
        fc.asyncProperty(fc.commands(orderCommands, { maxCommands: 40, size: 'max' }), async (commands) => {
          counter += 1;
          const key = `MDL${String.fromCharCode(65 + (counter % 26))}${String.fromCharCode(65 + Math.floor(counter / 26))}`;
          const product = await api.call('POST', '/products', { body: { key, name: key } });
          assert.equal(product.status, 201, JSON.stringify(product.body));
          await fc.asyncModelRun(
            () => ({ model: { order: [] }, real: { api, productId: product.body.id } }),
            commands,
          );
        }),
        { numRuns: 12 },
      );
    });

    it('answers every body with a JSON-looking content type with 2xx, 400 or 415, never 500', async () => {
      // jsonBodyOnly lets these through; the route's own media-type check must not turn them into a 500.
      const contentTypes = [
        'application/json ; charset=utf-8',
        'application/json; charset',
        'application/vnd.api.v2+json',
        'application/problem_details+json',
        'application/json;charset="utf-8"',
      ];
      const route = ROUTES.find((r) => r.path === '/products')!;
      for (const [i, contentType] of contentTypes.entries()) {
        const c: Case = {
          path: '/products',
          validPath: true,
          ifMatch: undefined,
          body: {
            strategy: 'content type',
            body: `{"key":"CT${'ABCDE'[i]}","name":"x"}`,
            contentType,
            badFields: [],
          },
        };
        const answer = await send(api, 'POST', c);
        checkAnswer(route, c, answer);
        assert.ok([201, 400, 415].includes(answer.status), describeCase(route, c, answer));
      }
    });

    it('refuses or keeps a NUL character in free text, never a 500', async () => {
      const productId = pools.product[0]!;
      const itemId = pools.item[2]!;
      const attempts: [string, string, Record<string, unknown>][] = [
        ['POST', `/products/${productId}/items`, { title: 'nul\u0000title' }],
        ['POST', `/products/${productId}/items`, { title: 'x', labels: ['nul\u0000label'] }],
        ['PATCH', `/items/${itemId}`, { description: 'nul\u0000description' }],
        ['POST', `/products/${productId}/objectives`, { title: 'nul\u0000objective' }],
        ['POST', `/items/${itemId}/external-dependencies`, { title: 'nul\u0000awaited' }],
        ['POST', '/tokens', { name: 'nul\u0000token' }],
        ['POST', '/users', { email: 'nul.byte@example.com', name: 'nul\u0000name', role: 'viewer' }],
      ];
      const failures: string[] = [];
      for (const [method, path, body] of attempts) {
        const answer = await api.call(method, path, { body });
        if (![200, 201, 400].includes(answer.status)) {
          failures.push(
            `${method} ${path} ${JSON.stringify(body)} → ${answer.status} ${JSON.stringify(answer.body)}`,
          );
        }
      }
      assert.deepEqual(failures, []);
    });

    it('leaves the database consistent: ranks, keys, references, label index, events', async () => {
      await checkInvariants(api.database.db);
    });
  });
}

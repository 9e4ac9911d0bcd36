/** The write routes and their fields. Placeholders in paths name the fixture pool a valid value is drawn from. */
import fc from 'fast-check';
import {
  COLOR_PATTERN,
  EMAIL_PATTERN,
  type Field,
  id,
  KEY_PATTERN,
  list,
  oneOf,
  type Pool,
  type Pools,
  SOME_UUID,
  text,
} from './field-values.ts';

export interface Route {
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

export const ITEM_FIELDS: Record<string, Field> = {
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

export const TIME_ZONE_PATTERN: Field = {
  kind: 'pattern',
  valid: fc.constantFrom('UTC', 'Europe/Berlin', 'America/Los_Angeles', 'Asia/Kolkata'),
  invalid: ['Mars/Olympus', '', 'Not a zone', 'Europe/Berlin\u0000'],
};

export const SPRINT_FIELDS: Record<string, Field> = {
  name: text(200, true),
  goal: text(2_000),
  startDate: { kind: 'date' },
  endDate: { kind: 'date' },
  timezone: TIME_ZONE_PATTERN,
  capacity: { kind: 'number', min: 0, max: 100_000, int: false, nullable: true },
};

export const RELEASE_FIELDS: Record<string, Field> = {
  name: text(200, true),
  description: text(10_000),
  targetDate: { kind: 'date' },
};

export const INITIATIVE_FIELDS: Record<string, Field> = {
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

export const EXTERNAL_FIELDS: Record<string, Field> = {
  title: text(300, true),
  owner: text(200),
  expectedDate: { kind: 'date' },
  met: { kind: 'boolean' },
  note: text(2_000),
};

export function planningRoutes(
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

export const ROUTES: Route[] = [
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

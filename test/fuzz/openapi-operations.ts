/**
 * The operations of the OpenAPI document the app serves, in the shape the fuzzer needs: so a new route is
 * fuzzed as soon as it is documented, and the coverage test names any it cannot aim at.
 */
import type { Pools } from './field-values.ts';

/** The part of JSON Schema (OpenAPI 3.1) the generators read. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  example?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  method: string;
  /** The documented path, `/items/{idOrKey}/move`. */
  path: string;
  operationId: string;
  parameters: Parameter[];
  /** The JSON body's schema, when the operation takes one. */
  body: JsonSchema | undefined;
  /** False for the operations that declare `security: []`. */
  authenticated: boolean;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

interface OperationObject {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      operations.push({
        method: method.toUpperCase(),
        path,
        operationId: operation.operationId ?? `${method} ${path}`,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
        authenticated: (operation.security ?? [{}]).length > 0,
      });
    }
  }
  return operations;
}

/** Follows `$ref`s into `components.schemas` (bounded: a schema never refers to itself here). */
export function resolve(doc: OpenApiDocument, schema: JsonSchema): JsonSchema {
  let current = schema;
  for (let hops = 0; hops < 10 && current.$ref !== undefined; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    const target = doc.components?.schemas?.[name];
    if (!target) throw new Error(`unresolved $ref ${current.$ref}`);
    current = target;
  }
  return current;
}

/** The fixture pool a path parameter takes its real values from: by its name, or for `{id}` by the collection. */
const COLLECTION_POOLS: Record<string, keyof Pools> = {
  tokens: 'token',
  objectives: 'objective',
  themes: 'theme',
  initiatives: 'initiative',
  dependencies: 'dependency',
  'external-dependencies': 'external',
  teams: 'team',
  sprints: 'sprint',
  releases: 'release',
  views: 'view',
  'story-maps': 'storyMap',
  'share-links': 'shareLink',
  prds: 'prd',
  comments: 'comment',
  versions: 'visionVersion',
  'roadmap-baselines': 'roadmapBaseline',
  'roadmap-announcements': 'roadmapAnnouncement',
  webhooks: 'webhook',
  'webhook-deliveries': 'webhookDelivery',
  items: 'itemRef',
  products: 'productRef',
  users: 'user',
};

const NAMED_POOLS: Record<string, keyof Pools> = {
  productId: 'productRef',
  idOrKey: 'itemRef',
  userId: 'user',
  view: 'audienceView',
};

/** The pool for a path parameter, or undefined when the fuzzer has no real values for it. */
export function poolOf(path: string, parameter: string): keyof Pools | undefined {
  const named = NAMED_POOLS[parameter];
  if (named) return named;
  const segments = path.split('/');
  const at = segments.indexOf(`{${parameter}}`);
  return at > 0 ? COLLECTION_POOLS[segments[at - 1]!] : undefined;
}

/** The pool a 201 answer's id joins: the collection the operation posted to. */
export function createdPool(operation: Operation): keyof Pools | undefined {
  if (operation.method !== 'POST') return undefined;
  const last = operation.path.split('/').at(-1) ?? '';
  if (last.startsWith('{')) return undefined;
  const pool = COLLECTION_POOLS[last];
  return pool === 'itemRef' ? 'item' : pool === 'productRef' ? 'product' : pool;
}

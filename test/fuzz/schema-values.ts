/**
 * Values drawn from the OpenAPI document's JSON Schemas: mostly valid ones (real ids from the fixture pools,
 * calendar edges for dates), and values of a JSON type the schema cannot accept, to break one field at a time.
 */
import fc from 'fast-check';
import { EDGE_DATES, EDGE_INSTANTS, EDGE_TIME_ZONES } from './calendar-edges.ts';
import { ODD_TEXT, type Pools } from './field-values.ts';
import { type JsonSchema, type OpenApiDocument, resolve } from './openapi-operations.ts';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** Nesting the generator follows before it settles for `{}` or `[]`. */
const MAX_DEPTH = 4;

export interface SchemaContext {
  doc: OpenApiDocument;
  pools: Pools;
}

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type !== undefined) return [schema.type];
  if (schema.enum !== undefined)
    return [...new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)))];
  return [];
}

function knownIds(pools: Pools): string[] {
  return [...new Set(Object.values(pools).flat())];
}

function stringValue(schema: JsonSchema, context: SchemaContext, name: string): fc.Arbitrary<string> {
  const max = schema.maxLength ?? 60;
  const min = schema.minLength ?? 0;
  const fits = (s: string) => s.length >= min && s.length <= max;
  if (schema.format === 'uuid') {
    const ids = knownIds(context.pools).filter((id) => /^[0-9a-f-]{36}$/.test(id));
    return fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, fc.uuid().map(String));
  }
  if (schema.pattern === DATE_PATTERN) {
    return fc.oneof(
      fc.constantFrom(...EDGE_DATES),
      fc
        .date({ min: new Date('1970-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
  }
  if (typeof schema.example === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(schema.example)) {
    return fc.oneof(
      fc.constantFrom(...EDGE_INSTANTS),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    );
  }
  if (/time-?zone/i.test(name)) return fc.constantFrom(...EDGE_TIME_ZONES);
  if (schema.format === 'email') {
    return fc.stringMatching(/^[a-z]{1,8}@example\.(com|org)$/);
  }
  if (schema.pattern !== undefined) {
    // Stretched or cut to the length limits rather than filtered: a filter that rarely passes (a 16-character
    // minimum on `[!-~]+`, whose strings are mostly short) makes fast-check retry without end. A stretched
    // string may no longer match every pattern; the answer is then a 4xx, which the fuzz accepts too.
    return fc
      .stringMatching(new RegExp(schema.pattern))
      .map((s) => (s.length === 0 ? s : s.repeat(Math.ceil(min / s.length))).slice(0, max));
  }
  return fc
    .oneof(
      { arbitrary: fc.string({ minLength: min, maxLength: Math.min(max, 30) }), weight: 4 },
      { arbitrary: fc.constantFrom(...ODD_TEXT), weight: 2 },
      { arbitrary: fc.constant('x'.repeat(Math.min(max, 5_000))), weight: 1 },
    )
    .filter(fits);
}

/** A value the schema accepts (or nearly: patterns and formats are followed, cross-field rules are not). */
export function validValue(
  schema: JsonSchema,
  context: SchemaContext,
  name = '',
  depth = 0,
): fc.Arbitrary<unknown> {
  const s = resolve(context.doc, schema);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum !== undefined) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((a) => validValue(a, context, name, depth)));
  if (s.allOf) {
    // zod-openapi writes `allOf: [$ref, {description}]`: the first part carries the shape.
    return validValue(s.allOf[0]!, context, name, depth);
  }
  const types = typesOf(s);
  if (types.length === 0) return fc.jsonValue({ maxDepth: 1 });
  return fc.oneof(...types.map((type) => valueOfType(type, s, context, name, depth)));
}

function valueOfType(
  type: string,
  s: JsonSchema,
  context: SchemaContext,
  name: string,
  depth: number,
): fc.Arbitrary<unknown> {
  switch (type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
    case 'number': {
      const min = s.minimum ?? (s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : -1_000_000);
      const max = s.maximum ?? (s.exclusiveMaximum !== undefined ? s.exclusiveMaximum - 1 : 1_000_000);
      const edges = fc.constantFrom(min, max);
      return type === 'integer'
        ? fc.oneof(edges, fc.integer({ min: Math.ceil(min), max: Math.floor(max) }))
        : fc.oneof(edges, fc.double({ min, max, noNaN: true, noDefaultInfinity: true }));
    }
    case 'string':
      return stringValue(s, context, name);
    case 'array': {
      if (depth >= MAX_DEPTH || !s.items) return fc.constant([]);
      return fc.array(validValue(s.items, context, name, depth + 1), {
        minLength: s.minItems ?? 0,
        maxLength: Math.max(s.minItems ?? 0, Math.min(s.maxItems ?? 4, 4)),
      });
    }
    case 'object': {
      if (depth >= MAX_DEPTH || !s.properties) return fc.constant({});
      const properties = s.properties;
      return fc.record(
        Object.fromEntries(
          Object.entries(properties).map(([key, p]) => [key, validValue(p, context, key, depth + 1)]),
        ),
        { requiredKeys: (s.required ?? []).filter((key) => key in properties) },
      );
    }
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

const SAMPLES: Record<string, fc.Arbitrary<unknown>> = {
  string: fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('NaN', '', 'true', '2027-01-01')),
  number: fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true })),
  boolean: fc.boolean(),
  array: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 3 }),
  object: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 3 }),
  null: fc.constant(null),
};

/**
 * A value of a JSON type the schema accepts in no branch, or undefined when the schema accepts any type
 * (or its types cannot be read plainly).
 */
export function wrongTypeValue(schema: JsonSchema, doc: OpenApiDocument): fc.Arbitrary<unknown> | undefined {
  const accepted = acceptedTypes(schema, doc, 0);
  if (accepted === undefined) return undefined;
  if (accepted.has('number')) accepted.add('integer');
  if (accepted.has('integer')) accepted.add('number');
  const wrong = Object.entries(SAMPLES)
    .filter(([type]) => !accepted.has(type))
    .map(([, arbitrary]) => arbitrary);
  return wrong.length > 0 ? fc.oneof(...wrong) : undefined;
}

function acceptedTypes(schema: JsonSchema, doc: OpenApiDocument, depth: number): Set<string> | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const s = resolve(doc, schema);
  const parts = s.anyOf ?? s.oneOf ?? (s.allOf ? [s.allOf[0]!] : undefined);
  if (parts) {
    const all = new Set<string>();
    for (const part of parts) {
      const types = acceptedTypes(part, doc, depth + 1);
      if (types === undefined) return undefined;
      for (const type of types) all.add(type);
    }
    return all;
  }
  const types = typesOf(s);
  return types.length > 0 ? new Set(types) : undefined;
}

/** Field descriptions for the write routes: enough to generate valid values and values no schema reading accepts. */
import fc from 'fast-check';
import { RawJson } from './raw-json.ts';

export type Pool =
  | 'product'
  | 'item'
  | 'itemRef'
  | 'objective'
  | 'theme'
  | 'initiative'
  | 'user'
  | 'team'
  | 'sprint'
  | 'release'
  | 'view'
  | 'storyMap'
  | 'shareLink'
  | 'prd'
  | 'comment'
  | 'audienceView'
  | 'visionVersion'
  | 'roadmapBaseline'
  | 'roadmapAnnouncement'
  | 'webhook'
  | 'webhookDelivery';
/** Real ids (and keys) by kind; `productRef` and `itemRef` hold both ids and keys. */
export type Pools = Record<Pool | 'productRef' | 'dependency' | 'external' | 'token', string[]>;

export type Field =
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

export const text = (max: number, required = false): Field => ({ kind: 'text', max, required });
export const oneOf = (...values: string[]): Field => ({ kind: 'enum', values });
export const id = (pool: Pool, nullable = false): Field => ({ kind: 'id', pool, nullable });
export const list = (of: Field, max: number, sample: unknown): Field => ({ kind: 'list', of, max, sample });
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const SOME_UUID = '0192f0c1-7a3b-7c4e-9a1d-3f5e6a7b8c9d';

/** Strings that have broken servers before: NUL, lone surrogates, RTL overrides, SQL, markup, numbers. */
export const ODD_TEXT = [
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

export const KEY_PATTERN: Field = {
  kind: 'pattern',
  // Never P…: the harness's buildProduct hands out P?? keys.
  valid: fc.stringMatching(/^[A-OQ-Z][A-Z]{1,9}$/),
  invalid: ['A', 'abc', 'ABCDEFGHIJK', 'A1', 'AB-', ' AB', 'ÄB', '', 'AB\u0000'],
};
export const COLOR_PATTERN: Field = {
  kind: 'pattern',
  valid: fc.stringMatching(/^#[0-9a-fA-F]{6}$/),
  invalid: ['red', '#fff', '#12345g', '#1234567', '123456', '', '#12345\u0000'],
};
export const EMAIL_PATTERN: Field = {
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

export const SAMPLES: Record<
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
export function wrongType(...accepts: (keyof typeof SAMPLES)[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    ...Object.entries(SAMPLES)
      .filter(([type]) => !accepts.includes(type as keyof typeof SAMPLES))
      .map(([, arbitrary]) => arbitrary),
  );
}

export const nullable = (yes: boolean): (keyof typeof SAMPLES)[] => (yes ? ['null'] : []);

export function textValue(max: number, required: boolean): fc.Arbitrary<string> {
  return fc
    .oneof(
      { arbitrary: fc.string({ minLength: 1, maxLength: 30 }), weight: 5 },
      { arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }), weight: 2 },
      { arbitrary: fc.constantFrom(...ODD_TEXT), weight: 2 },
      { arbitrary: fc.constant('x'.repeat(max)), weight: 1 },
    )
    .filter((s) => s.trim().length <= max && (!required || s.trim().length > 0));
}

export function validValue(field: Field, pools: Pools): fc.Arbitrary<unknown> {
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
export function invalidValue(field: Field): fc.Arbitrary<unknown> {
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

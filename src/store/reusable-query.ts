/**
 * Queries compiled once and run many times with new values. Kysely builds and compiles a query's syntax
 * tree on every call, which costs ~15–20 µs: more than running a lookup by a unique index, or an insert.
 * The statements on every request's path (the API token or session, the item, an item's creation) are
 * built once per dialect here, and PostgreSQL prepares each once per connection (prepared-statements.ts).
 */
import type { Compilable, CompiledQuery } from 'kysely';
import { type Db, type DialectName, dialectOf } from './database.ts';
import { prepareByName } from './prepared-statements.ts';

/** A value bound as a parameter, as both drivers take it (a list: PostgreSQL's `= any($1)` only). */
export type Bindable = string | number | null | readonly string[];

/** Stand-ins for the arguments while compiling: strings no caller can send (they hold a NUL). */
const marker = (index: number) => `\u0000cairn-argument-${index}\u0000`;

interface Template {
  compiled: CompiledQuery;
  /** For each bound parameter: the argument it takes, or -1 for a value fixed in the query. */
  slots: number[];
}

/**
 * Wraps `build` so that it runs once per dialect with stand-in arguments (strings, whatever the declared
 * types); later calls bind the real ones into the compiled SQL. `build` must pass each argument into the
 * query unchanged (as a bound value) and shape the query the same way whatever the arguments are — it
 * throws at first use when an argument is missing from the parameters.
 */
export function reusableQuery<Args extends Bindable[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  const templates = new Map<DialectName, Template>();
  const templateFor = (db: Db, arity: number): Template => {
    const dialect = dialectOf(db);
    let template = templates.get(dialect);
    if (!template) {
      const markers: string[] = Array.from({ length: arity }, (_, i) => marker(i));
      const compiled = build(db, ...(markers as Args)).compile();
      const slots = compiled.parameters.map((value) => markers.indexOf(value as string));
      for (let i = 0; i < arity; i++) {
        if (!slots.includes(i))
          throw new Error(`reusableQuery: argument ${i} is not bound in ${compiled.sql}`);
      }
      template = { compiled, slots };
      templates.set(dialect, template);
      if (dialect === 'postgres') prepareByName(compiled.sql);
    }
    return template;
  };
  return async (db, ...args) => {
    const { compiled, slots } = templateFor(db, args.length);
    const parameters = slots.map((slot, i) => (slot < 0 ? compiled.parameters[i] : args[slot]));
    const result = await db.executeQuery<Row>({ ...compiled, parameters } as CompiledQuery<Row>);
    return result.rows;
  };
}

/**
 * reusableQuery for a statement that takes a record (a row to insert): `columns` names its fields in a
 * fixed order. Every field must be given, null for none: a missing one would change the statement's
 * shape (Kysely leaves an undefined column out), so it is refused.
 */
export function reusableRecordQuery<Fields extends Record<string, Bindable>, Row>(
  columns: readonly (keyof Fields & string)[],
  build: (db: Db, fields: Fields) => Compilable<Row>,
): (db: Db, fields: Fields) => Promise<Row[]> {
  const query = reusableQuery((db, ...values: Bindable[]) =>
    build(db, Object.fromEntries(columns.map((column, i) => [column, values[i] ?? null])) as Fields),
  );
  return async (db, fields) =>
    query(
      db,
      ...columns.map((column) => {
        const value = fields[column];
        if (value === undefined) throw new Error(`reusableRecordQuery: no value for ${column}`);
        return value;
      }),
    );
}

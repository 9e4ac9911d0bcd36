/**
 * Queries compiled once and run many times with new values. Kysely builds and compiles a query's syntax
 * tree on every call, which costs ~15–20 µs: more than running a lookup by a unique index. The lookups on
 * every request's path (the API token or session, the item) are built once per dialect here.
 */
import type { Compilable, CompiledQuery } from 'kysely';
import { type Db, type DialectName, dialectOf } from './database.ts';

/** Stand-ins for the arguments while compiling: strings no caller can send (they hold a NUL). */
const marker = (index: number) => `\u0000cairn-argument-${index}\u0000`;

interface Template {
  compiled: CompiledQuery;
  /** For each bound parameter: the argument it takes, or -1 for a value fixed in the query. */
  slots: number[];
}

/**
 * Wraps `build` so that it runs once per dialect with stand-in arguments; later calls bind the real ones
 * into the compiled SQL. `build` must pass each argument into the query unchanged (as a bound value) and
 * shape the query the same way whatever the arguments are — it throws at first use when an argument is
 * missing from the parameters.
 */
export function reusableQuery<Args extends string[], Row>(
  build: (db: Db, ...args: Args) => Compilable<Row>,
): (db: Db, ...args: Args) => Promise<Row[]> {
  const templates = new Map<DialectName, Template>();
  const templateFor = (db: Db, arity: number): Template => {
    const dialect = dialectOf(db);
    let template = templates.get(dialect);
    if (!template) {
      const markers = Array.from({ length: arity }, (_, i) => marker(i)) as Args;
      const compiled = build(db, ...markers).compile();
      const slots = compiled.parameters.map((value) => markers.indexOf(value as string));
      for (let i = 0; i < arity; i++) {
        if (!slots.includes(i))
          throw new Error(`reusableQuery: argument ${i} is not bound in ${compiled.sql}`);
      }
      template = { compiled, slots };
      templates.set(dialect, template);
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

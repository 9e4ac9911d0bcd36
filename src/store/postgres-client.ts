/**
 * The node-postgres client of the pool Kysely uses. It changes how two kinds of statement go out, and
 * nothing else:
 *
 * - **BEGIN goes out with a transaction's first statement**: one round trip fewer for every transaction.
 *   node-postgres waits for each query's answer before it sends the next, and Kysely awaits BEGIN before it
 *   runs the transaction's work, so BEGIN used to cost a round trip of its own. Here BEGIN is held back and
 *   written with the next statement as one extended-protocol exchange: Parse/Bind/Execute of BEGIN, then
 *   (Parse/)Bind/Describe/Execute of the statement, then one Sync. The server runs them in order; if BEGIN
 *   failed it would skip the statement (it skips to the Sync after an error), so the statement never runs
 *   outside the transaction. A transaction that sends nothing before its COMMIT or ROLLBACK sends nothing.
 * - **Named statements** (prepared-statements.ts): a text given a name (a reusableQuery's, or one run
 *   often) is parsed once per connection, then only bound and executed. A connection that finds its prepared statement gone or
 *   stale (another server's migration changed a table under a `select *`: "cached plan must not change
 *   result type") prepares it again under a fresh name, and a statement outside a transaction is retried
 *   at once; inside one, the transaction has already failed, and the next one prepares afresh.
 */
import pg from 'pg';
import { statementName } from './prepared-statements.ts';

/** What node-postgres calls on a query while it runs (not in its type declarations). */
interface QueryInternals {
  name?: string;
  text: string;
  prepare(connection: ProtocolConnection): void;
  handleCommandComplete(message: unknown, connection: ProtocolConnection): void;
  hasBeenParsed(connection: ProtocolConnection): boolean;
}

interface ProtocolConnection {
  parse(query: { text: string; name?: string }): void;
  bind(config: Record<string, never>): void;
  execute(config: Record<string, never>): void;
  submittedNamedStatements: Record<string, string>;
}

interface QueryConfig {
  text: string;
  values: unknown[];
  name?: string | undefined;
  queryMode?: 'extended';
}

const QueryBase = pg.Query as unknown as new (
  config: QueryConfig,
  values: undefined,
  callback: (error: Error | null, result: pg.QueryResult) => void,
) => pg.Query & QueryInternals;

/** A query whose statement runs right after a BEGIN sent in the same exchange. */
class BegunQuery extends QueryBase {
  #begun = false;

  override prepare(connection: ProtocolConnection): void {
    // A named statement new to this connection is parsed before BEGIN: the first ParseComplete is then its
    // own, and if it fails nothing after it runs (BEGIN included) and nothing records it as prepared.
    if (this.name && !this.hasBeenParsed(connection)) {
      connection.parse({ text: this.text, name: this.name });
      connection.submittedNamedStatements[this.name] = this.text;
    }
    connection.parse({ text: 'begin' });
    connection.bind({});
    connection.execute({});
    super.prepare(connection);
  }

  // The first command completed is BEGIN's: the statement's result is the query's result.
  override handleCommandComplete(message: unknown, connection: ProtocolConnection): void {
    if (!this.#begun) {
      this.#begun = true;
      return;
    }
    super.handleCommandComplete(message, connection);
  }
}

/** What a held-back BEGIN (and a COMMIT or ROLLBACK of a transaction that sent nothing) answers. */
const done = (command: string): pg.QueryResult => ({ command, rowCount: null, oid: 0, fields: [], rows: [] });

/**
 * The errors that say this connection's prepared statement can't be used: it does not exist
 * (invalid_sql_statement_name), or its table changed shape under it (feature_not_supported, "cached plan
 * must not change result type").
 */
function isStalePreparedStatement(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return (
    code === '26000' ||
    (code === '0A000' && /cached plan must not change result type/.test(String((error as Error).message)))
  );
}

/**
 * Only the exact statements Kysely's PostgreSQL driver sends to start and end a transaction (`begin`,
 * `commit`, `rollback`, without parameters) are treated specially, and only texts with a statement name
 * are prepared.
 */
export class PostgresClient extends pg.Client {
  #beginPending = false;
  #inTransaction = false;
  /** Statement names this connection gave up (stale), with the suffix that replaces each. */
  readonly #renamed = new Map<string, number>();

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query() has many overloads; this one forwards them.
  override query(config: any, values?: any, callback?: any): any {
    const plain = typeof config === 'string' && callback === undefined;
    const noValues = values === undefined || (Array.isArray(values) && values.length === 0);
    if (plain && noValues && config === 'begin' && !this.#beginPending) {
      this.#beginPending = true;
      this.#inTransaction = true;
      return Promise.resolve(done('BEGIN'));
    }
    if (plain && noValues && (config === 'commit' || config === 'rollback')) this.#inTransaction = false;
    if (!this.#beginPending) {
      return plain ? this.#run(config, values ?? [], false) : super.query(config, values, callback);
    }
    this.#beginPending = false;
    if (plain && noValues && (config === 'commit' || config === 'rollback')) {
      return Promise.resolve(done(config.toUpperCase()));
    }
    if (plain) return this.#run(config, values ?? [], true);
    // Anything else (Kysely sends none: a cursor, a callback): BEGIN on its own first, as without this
    // client.
    return super.query('begin').then(() => super.query(config, values, callback));
  }

  /** Runs `text`, named if it has a name, after a held-back BEGIN if `begun`. */
  async #run(text: string, values: unknown[], begun: boolean): Promise<pg.QueryResult> {
    const name = this.#nameOf(text, values.length > 0);
    try {
      return await this.#send({ text, values, name }, begun);
    } catch (error) {
      if (!name || !isStalePreparedStatement(error)) throw error;
      this.#renamed.set(text, (this.#renamed.get(text) ?? 0) + 1);
      // Inside a transaction the error has already failed it: the caller rolls back, and the next use of
      // the statement on this connection prepares it under its new name.
      if (begun || this.#inTransaction) throw error;
      return this.#send({ text, values, name: this.#nameOf(text, true) }, false);
    }
  }

  #nameOf(text: string, hasParameters: boolean): string | undefined {
    const name = statementName(text, hasParameters);
    const suffix = name && this.#renamed.get(text);
    return suffix ? `${name}_${suffix}` : name;
  }

  #send(config: QueryConfig, begun: boolean): Promise<pg.QueryResult> {
    if (!begun) return super.query(config);
    return new Promise<pg.QueryResult>((resolve, reject) => {
      const query = new BegunQuery({ ...config, queryMode: 'extended' }, undefined, (error, result) =>
        error ? reject(error) : resolve(result),
      );
      super.query(query);
    });
  }
}

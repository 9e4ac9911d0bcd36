/**
 * A node-postgres client that sends a transaction's BEGIN together with its first statement: one round
 * trip fewer for every transaction. node-postgres waits for each query's answer before it sends the next,
 * and Kysely awaits BEGIN before it runs the transaction's work, so BEGIN used to cost a round trip of its
 * own. Here BEGIN is held back and written with the next statement as one extended-protocol exchange:
 * Parse/Bind/Execute of BEGIN, then Parse/Bind/Describe/Execute of the statement, then one Sync. The
 * server runs them in order; if BEGIN failed it would skip the statement (it skips to the Sync after an
 * error), so the statement never runs outside the transaction. A transaction that sends nothing before
 * its COMMIT or ROLLBACK sends nothing at all.
 */
import pg from 'pg';

/** What node-postgres calls on a query while it runs (not in its type declarations). */
interface QueryInternals {
  prepare(connection: ProtocolConnection): void;
  handleCommandComplete(message: unknown, connection: ProtocolConnection): void;
}

interface ProtocolConnection {
  parse(query: { text: string }): void;
  bind(config: Record<string, never>): void;
  execute(config: Record<string, never>): void;
}

const QueryBase = pg.Query as unknown as new (
  config: { text: string; values: unknown[]; queryMode: 'extended' },
  values: undefined,
  callback: (error: Error | null, result: pg.QueryResult) => void,
) => pg.Query & QueryInternals;

/** A query whose statement runs right after a BEGIN sent in the same exchange. */
class BegunQuery extends QueryBase {
  #begun = false;

  override prepare(connection: ProtocolConnection): void {
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
 * pg.Client for the pool Kysely uses. Only the exact statements Kysely's PostgreSQL driver sends to start
 * and end a transaction (`begin`, `commit`, `rollback`, without parameters) are treated specially.
 */
export class BeginWithFirstStatementClient extends pg.Client {
  #beginPending = false;

  // biome-ignore lint/suspicious/noExplicitAny: node-postgres' query() has many overloads; this one forwards them.
  override query(config: any, values?: any, callback?: any): any {
    const plain = typeof config === 'string' && callback === undefined;
    const noValues = values === undefined || (Array.isArray(values) && values.length === 0);
    if (plain && noValues && config === 'begin' && !this.#beginPending) {
      this.#beginPending = true;
      return Promise.resolve(done('BEGIN'));
    }
    if (!this.#beginPending) return super.query(config, values, callback);
    this.#beginPending = false;
    if (plain && noValues && (config === 'commit' || config === 'rollback')) {
      return Promise.resolve(done(config.toUpperCase()));
    }
    if (plain) {
      return new Promise<pg.QueryResult>((resolve, reject) => {
        const query = new BegunQuery(
          { text: config, values: values ?? [], queryMode: 'extended' },
          undefined,
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        super.query(query);
      });
    }
    // Anything else (Kysely sends none: a cursor, a callback): BEGIN on its own first, as without this
    // client.
    return super.query('begin').then(() => super.query(config, values, callback));
  }
}

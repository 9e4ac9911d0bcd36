/**
 * The dialect factory: the only place that knows whether Cairn runs on SQLite or PostgreSQL.
 * Everything else receives a `Kysely<Tables>` (or a transaction) and asks `dialectOf(db)` when it must.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Listener, type ListenOptions, listen } from './listen.ts';
import { PostgresClient } from './postgres-client.ts';
import { type Checkpointer, startCheckpointer } from './sqlite-checkpointer.ts';
import { cachedStatements } from './sqlite-statements.ts';
import type { Tables } from './tables.ts';

export type DialectName = 'sqlite' | 'postgres';
export type Db = Kysely<Tables>;

export interface Database {
  db: Db;
  dialect: DialectName;
  /** Human-readable description for logs: the file path or the PostgreSQL host/database (no password). */
  describe: string;
  /** PostgreSQL only: a dedicated connection LISTENing on a channel (see listen.ts). */
  listen?: ((options: ListenOptions) => Listener) | undefined;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** `postgres://…` selects PostgreSQL; otherwise SQLite at `sqliteFile`. */
  databaseUrl?: string | undefined;
  sqliteFile?: string | undefined;
  /** PostgreSQL pool size. */
  poolSize?: number | undefined;
}

// PostgreSQL returns int8 (bigserial ids, count(*)) as strings; every such value here fits a double.
pg.types.setTypeParser(20, (value) => Number.parseInt(value, 10));

/** Opens the database named by the options: PostgreSQL for a postgres:// URL, else an embedded SQLite file. */
export function openDatabase(options: DatabaseOptions): Database {
  const url = options.databaseUrl;
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      // BEGIN goes out with a transaction's first statement; reusable statements are prepared by name.
      Client: PostgresClient,
    });
    // An idle client that loses its connection must not crash the server.
    pool.on('error', () => {});
    const db = new Kysely<Tables>({ dialect: new PostgresDialect({ pool }) });
    const parsed = new URL(url);
    return {
      db,
      dialect: 'postgres',
      describe: `postgres ${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`,
      listen: (listenOptions) => listen(url, listenOptions),
      close: () => db.destroy(),
    };
  }
  if (url) throw new Error(`DATABASE_URL must start with postgres:// (got "${url.split(':')[0]}:")`);
  const file = options.sqliteFile ?? 'cairn-data/cairn.db';
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a committed transaction survives a process crash (SIGKILL); only an OS crash or
  // power loss may lose the last commits. CAIRN_SQLITE_SYNCHRONOUS=FULL trades latency for that too.
  sqlite.pragma(`synchronous = ${process.env.CAIRN_SQLITE_SYNCHRONOUS === 'FULL' ? 'FULL' : 'NORMAL'}`);
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): a 100,000-item product's indexes stay in memory.
  sqlite.pragma('cache_size = -65536');
  sqlite.pragma('temp_store = MEMORY');
  const checkpointer = file === ':memory:' ? null : startBackgroundCheckpoints(sqlite, file);
  const db = new Kysely<Tables>({ dialect: new SqliteDialect({ database: cachedStatements(sqlite) }) });
  return {
    db,
    dialect: 'sqlite',
    describe: `sqlite ${file}`,
    close: async () => {
      await checkpointer?.stop();
      // Closing the last connection checkpoints whatever is left in the WAL.
      await db.destroy();
    },
  };
}

/** Hands checkpoints to a worker thread (see sqlite-checkpointer.ts); this connection rarely does one. */
function startBackgroundCheckpoints(sqlite: SQLite.Database, file: string): Checkpointer {
  // A high threshold stays as a safety valve: under a sustained stream of writes a passive checkpoint can
  // never finish, and a write that crosses 16 MiB of WAL then completes one inline (mostly backfilled
  // already, so it is short), after which the WAL starts over.
  sqlite.pragma('wal_autocheckpoint = 4096');
  // The WAL file is reused from its start after each complete checkpoint; keep its size bounded too.
  sqlite.pragma('journal_size_limit = 67108864');
  return startCheckpointer(file);
}

/** Which dialect a Kysely instance or transaction speaks. */
export function dialectOf(db: Db): DialectName {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

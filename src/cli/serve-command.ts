/** `cairn serve`: runs the server until SIGTERM/SIGINT, then closes connections and the database. */
import { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { startServer } from '../server.ts';
import type { Database } from '../store/database.ts';
import { withDatabaseOptions } from './database-options.ts';

export function serveCommand(): Command {
  return withDatabaseOptions(new Command('serve'))
    .description('Serve the API (and later the web app). Binds 127.0.0.1 unless --host says otherwise.')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 4100)')
    .option('--host <host>', 'address to bind (env CAIRN_HOST, default 127.0.0.1)')
    .option('--demo', 'load the demo product on first start (when the database has no products)')
    .action(
      async (flags: {
        port?: string;
        host?: string;
        data?: string;
        databaseUrl?: string;
        demo?: boolean;
      }) => {
        const config = loadConfig(flags);
        const demo = {
          reason: 'loading the demo data',
          run: async (database: Database) => {
            const outcome = await loadDemo(database.db, { onlyIfEmpty: true });
            console.log(outcome.message);
          },
        };
        const server = await startServer(config, console.log, flags.demo ? demo : undefined);
        let stopping = false;
        const stop = (signal: string) => {
          if (stopping) return;
          stopping = true;
          console.log(`Cairn stopping (${signal})`);
          server.close().then(
            () => process.exit(0),
            (error: unknown) => {
              console.error(error);
              process.exit(1);
            },
          );
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
      },
    );
}

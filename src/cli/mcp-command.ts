/**
 * `cairn mcp`: Cairn's MCP server on stdin/stdout for an AI agent on this machine, acting as the user of an
 * API token (with its scope and products). It opens the database itself, like the other commands, so no
 * server needs to run. Stdout carries the protocol and nothing else: every log line goes to stderr.
 */
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { Command } from 'commander';
import { createMcpServer } from '../mcp/server.ts';
import { VERSION } from '../server.ts';
import { resolveApiToken, tokenActor } from '../services/auth/api-tokens.ts';
import { createCredentialCaches } from '../services/auth/credential-cache.ts';
import type { Actor } from '../services/context.ts';
import { AppError } from '../services/errors.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';

const logLine = (line: string) => console.error(line);

export function mcpCommand(): Command {
  return withDatabaseOptions(new Command('mcp'))
    .description(
      "Serve Cairn to an AI agent over MCP on stdin/stdout, acting as an API token's user " +
        '(create one with `cairn tokens create`).',
    )
    .option('--token <token>', 'the API token to act with (env CAIRN_TOKEN, which other users cannot see)')
    .action(async (flags: { token?: string; data?: string; databaseUrl?: string }) => {
      const token = flags.token ?? process.env.CAIRN_TOKEN;
      if (!token) throw new AppError('unauthorized', 'give an API token: --token <token> or env CAIRN_TOKEN');
      const database = await openFromFlags(flags, logLine);
      try {
        const cache = createCredentialCaches().tokens;
        // Asked at every tool call (through the cache): a token revoked or a role changed meanwhile
        // takes effect within the cache's time to live, as on the HTTP server.
        const actor = async (): Promise<Actor> => {
          const resolved = await resolveApiToken(database.db, token, new Date(), cache);
          if (!resolved) throw new AppError('unauthorized', 'the API token is unknown, expired or revoked');
          return tokenActor(resolved);
        };
        await actor();
        const server = createMcpServer({ db: database.db, actor, version: VERSION, log: logLine });
        const closed = new Promise<void>((resolve) => {
          process.stdin.once('end', resolve);
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.connect(new StdioServerTransport());
        await closed;
        await server.close();
      } finally {
        await database.close();
      }
    });
}

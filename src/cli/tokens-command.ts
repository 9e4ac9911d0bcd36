/** `cairn tokens create`: issues an API token for a user, from the shell (for scripts and recovery). */
import { Command } from 'commander';
import { CreateTokenInput } from '../schemas/user.ts';
import { createApiToken } from '../services/auth/api-tokens.ts';
import { findActiveUserByEmail } from '../services/users/find-user.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';
import { parseOrExplain } from './parse.ts';

export function tokensCommand(): Command {
  const tokens = new Command('tokens').description('Manage API tokens.');
  withDatabaseOptions(tokens.command('create'))
    .description('Create an API token for a user; the secret is printed once and stored only as a hash.')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'a label to recognise the token by', 'cli')
    .option('--expires-in-days <days>', 'days until it expires (default: never)')
    .action(
      async (flags: {
        email: string;
        name: string;
        expiresInDays?: string;
        data?: string;
        databaseUrl?: string;
      }) => {
        const database = await openFromFlags(flags);
        try {
          const user = await findActiveUserByEmail(database.db, flags.email);
          const input = parseOrExplain(CreateTokenInput, {
            name: flags.name,
            ...(flags.expiresInDays !== undefined && { expiresInDays: Number(flags.expiresInDays) }),
          });
          const token = await createApiToken({
            db: database.db,
            actor: { id: user.id, role: user.role },
            input,
          });
          console.log(token.token);
        } finally {
          await database.close();
        }
      },
    );
  return tokens;
}

/** `cairn tokens create`: issues an API token for a user, from the shell (for scripts and recovery). */
import { Command } from 'commander';
import { CreateTokenInput, MAX_TOKEN_PRODUCTS } from '../schemas/user.ts';
import { createApiToken } from '../services/auth/api-tokens.ts';
import type { Actor } from '../services/context.ts';
import { AppError } from '../services/errors.ts';
import { loadVisibleProduct } from '../services/products/product-access.ts';
import { findActiveUserByEmail } from '../services/users/find-user.ts';
import type { Db } from '../store/database.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';
import { parseOrExplain } from './parse.ts';

export function tokensCommand(): Command {
  const tokens = new Command('tokens').description('Manage API tokens.');
  withDatabaseOptions(tokens.command('create'))
    .description('Create an API token for a user; the secret is printed once and stored only as a hash.')
    .requiredOption('--email <email>', 'the user the token acts as')
    .option('--name <name>', 'a label to recognise the token by', 'cli')
    .option('--expires-in-days <days>', 'days until it expires (default: never)')
    .option('--scope <scope>', "'read' (no changes) or 'write' (whatever the user's role allows)", 'write')
    .option(
      '--product <key...>',
      'restrict the token to these products (keys such as CAI; default: every product the user can see)',
    )
    .action(
      async (flags: {
        email: string;
        name: string;
        expiresInDays?: string;
        scope: string;
        product?: string[];
        data?: string;
        databaseUrl?: string;
      }) => {
        const database = await openFromFlags(flags);
        try {
          const user = await findActiveUserByEmail(database.db, flags.email);
          const actor: Actor = { id: user.id, role: user.role };
          const input = parseOrExplain(CreateTokenInput, {
            name: flags.name,
            scope: flags.scope,
            ...(flags.expiresInDays !== undefined && { expiresInDays: Number(flags.expiresInDays) }),
            ...(flags.product && { productIds: await productIdsOf(database.db, actor, flags.product) }),
          });
          const token = await createApiToken({ db: database.db, actor, input });
          console.log(token.token);
        } finally {
          await database.close();
        }
      },
    );
  return tokens;
}

/** The ids of the products `keys` name, each one the user can see; an error names the first that is not. */
async function productIdsOf(db: Db, actor: Actor, keys: readonly string[]): Promise<string[]> {
  if (keys.length > MAX_TOKEN_PRODUCTS) {
    throw new AppError('validation_failed', `--product lists at most ${MAX_TOKEN_PRODUCTS} products`);
  }
  const ids: string[] = [];
  for (const key of keys) {
    try {
      ids.push((await loadVisibleProduct(db, actor, key.toUpperCase())).id);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'not_found')) throw error;
      throw new AppError('not_found', `--product ${key}: no product with this key that the user can see`);
    }
  }
  return ids;
}

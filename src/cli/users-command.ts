/** `cairn users add`: creates a user from the shell (the first one becomes the owner). */
import { Command } from 'commander';
import { CreateUserInput, SetupInput } from '../schemas/user.ts';
import { createUser } from '../services/users/create-user.ts';
import { firstOwner } from '../services/users/first-owner.ts';
import { isSetUp, setupWorkspace } from '../services/users/setup-workspace.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';
import { parseOrExplain } from './parse.ts';

export function usersCommand(): Command {
  const users = new Command('users').description('Manage workspace users.');
  withDatabaseOptions(users.command('add'))
    .description('Add a user. On a new install the first user is the owner and gets an API token.')
    .requiredOption('--email <email>', 'their email address (their login)')
    .requiredOption('--name <name>', 'their name')
    .option('--role <role>', 'owner | admin | editor | viewer', 'editor')
    .option(
      '--password <password>',
      'at least 12 characters, not common or guessable (env CAIRN_PASSWORD); omit for token-only users',
    )
    .action(
      async (flags: {
        email: string;
        name: string;
        role: string;
        password?: string;
        data?: string;
        databaseUrl?: string;
      }) => {
        const database = await openFromFlags(flags);
        try {
          const password = flags.password ?? process.env.CAIRN_PASSWORD;
          if (!(await isSetUp(database.db))) {
            const input = parseOrExplain(SetupInput, { email: flags.email, name: flags.name, password });
            const { user, token } = await setupWorkspace({ db: database.db, input });
            console.log(`created owner ${user.email} (${user.id})`);
            console.log(`API token (shown once): ${token}`);
            return;
          }
          const input = parseOrExplain(CreateUserInput, {
            email: flags.email,
            name: flags.name,
            role: flags.role,
            password,
          });
          const user = await createUser({ db: database.db, actor: await firstOwner(database.db), input });
          console.log(`created ${user.role} ${user.email} (${user.id})`);
        } finally {
          await database.close();
        }
      },
    );
  return users;
}

/** `cairn migrate`: brings the database schema up to date (the server also does this when it starts). */
import { Command } from 'commander';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';

export function migrateCommand(): Command {
  return withDatabaseOptions(new Command('migrate'))
    .description('Apply pending schema migrations and exit.')
    .action(async (flags: { data?: string; databaseUrl?: string }) => {
      const database = await openFromFlags(flags, console.log);
      console.log(`database ${database.describe} is up to date`);
      await database.close();
    });
}

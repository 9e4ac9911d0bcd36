/** `cairn demo`: loads the demo product so every screen and report has something real to show. */
import { Command } from 'commander';
import { loadDemo } from '../demo/load-demo.ts';
import { openFromFlags, withDatabaseOptions } from './database-options.ts';

export function demoCommand(): Command {
  return withDatabaseOptions(new Command('demo'))
    .description(
      'Load the demo product (vision, objectives, themes, initiatives, ~150 items, months of history).',
    )
    .action(async (flags: { data?: string; databaseUrl?: string }) => {
      const database = await openFromFlags(flags);
      try {
        const outcome = await loadDemo(database.db, { onlyIfEmpty: false });
        console.log(outcome.message);
      } finally {
        await database.close();
      }
    });
}

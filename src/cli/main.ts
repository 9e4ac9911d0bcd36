/** The `cairn` command: thin commands over the same services the HTTP API uses. */
import { Command } from 'commander';
import { VERSION } from '../server.ts';
import { demoCommand } from './demo-command.ts';
import { exitCodeOf } from './exit-codes.ts';
import { migrateCommand } from './migrate-command.ts';
import { serveCommand } from './serve-command.ts';
import { tokensCommand } from './tokens-command.ts';
import { usersCommand } from './users-command.ts';

const program = new Command('cairn')
  .description('Cairn: self-hosted product planning — roadmaps, backlogs and the link between them.')
  .version(VERSION)
  .showHelpAfterError();

program.addCommand(serveCommand(), { isDefault: true });
program.addCommand(migrateCommand());
program.addCommand(demoCommand());
program.addCommand(usersCommand());
program.addCommand(tokensCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`cairn: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = exitCodeOf(error);
}

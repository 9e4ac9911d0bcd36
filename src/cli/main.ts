/** The `cairn` command: thin commands over the same services the HTTP API uses. */
import { Command } from 'commander';
import { VERSION } from '../server.ts';
import { backupCommand, exportCommand, restoreCommand } from './backup-command.ts';
import { demoCommand } from './demo-command.ts';
import { exitCodeOf } from './exit-codes.ts';
import { importCommand } from './import-command.ts';
import { mcpCommand } from './mcp-command.ts';
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
program.addCommand(backupCommand());
program.addCommand(restoreCommand());
program.addCommand(exportCommand());
program.addCommand(demoCommand());
program.addCommand(importCommand());
program.addCommand(usersCommand());
program.addCommand(tokensCommand());
program.addCommand(mcpCommand());

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`cairn: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = exitCodeOf(error);
}

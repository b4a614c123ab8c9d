#!/usr/bin/env node
/** The `assay` command. Each command calls the same services as the API, never HTTP to itself. */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { registerServeCommand } from './commands/serve.js';
import { registerDataCommands } from './commands/data.js';
import { registerAdminCommands } from './commands/admin.js';
import { registerAggregateCommand } from './commands/aggregate.js';
import { registerAgreementCommand } from './commands/agreement.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url).pathname.replace('/dist/package.json', '/package.json'), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command()
    .name('assay')
    .description('Produce training data with human experts and measure its quality')
    .version(pkg.version);
  registerServeCommand(program);
  registerDataCommands(program);
  registerAdminCommands(program);
  registerAggregateCommand(program);
  registerAgreementCommand(program);
  return program;
}

await buildProgram().parseAsync(process.argv);

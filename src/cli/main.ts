#!/usr/bin/env node
/** The `assay` command. Each command calls the same services as the API, never HTTP to itself. */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerServeCommand } from './commands/serve.js';
import { registerDataCommands } from './commands/data.js';
import { registerImportCommand } from './commands/import.js';
import { registerAdminCommands } from './commands/admin.js';
import { registerAggregateCommand } from './commands/aggregate.js';
import { registerAgreementCommand } from './commands/agreement.js';
import { registerReportCommand } from './commands/report.js';

/** The package's own package.json: two folders up from src/cli, three from dist/src/cli. */
function packageVersion(): string {
  for (const rel of ['../../package.json', '../../../package.json']) {
    const file = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  }
  return '0.0.0';
}

export function buildProgram(): Command {
  const program = new Command()
    .name('assay')
    .description('Produce training data with human experts and measure its quality')
    .version(packageVersion());
  registerServeCommand(program);
  registerImportCommand(program);
  registerDataCommands(program);
  registerAdminCommands(program);
  registerAggregateCommand(program);
  registerAgreementCommand(program);
  registerReportCommand(program);
  return program;
}

await buildProgram().parseAsync(process.argv);

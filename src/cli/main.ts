#!/usr/bin/env node
/**
 * The `assay` command. Each command calls the same services as the API, never HTTP to itself. Only the commands'
 * usage (./usage/) is loaded here; a command's module (./commands/) and what it needs (Fastify, the store, the
 * quality engine) are imported when that command runs, so `assay --help` starts at once (bench/startup.bench.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Command } from 'commander';
import { registerServeCommand } from './usage/serve.js';
import { registerExportCommand } from './usage/export.js';
import { registerImportCommand } from './usage/import.js';
import { registerAdminCommands } from './usage/admin.js';
import { registerAggregateCommand } from './usage/aggregate.js';
import { registerAgreementCommand } from './usage/agreement.js';
import { registerReportCommand } from './usage/report.js';

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
  registerExportCommand(program);
  registerAdminCommands(program);
  registerAggregateCommand(program);
  registerAgreementCommand(program);
  registerReportCommand(program);
  return program;
}

await buildProgram().parseAsync(process.argv);

/** What `assay serve` accepts and says in its help; the work is in ../commands/serve.ts, loaded when it runs. */
import type { Command } from 'commander';
import type { ServeOptions } from '../commands/serve.js';

export function registerServeCommand(program: Command) {
  program
    .command('serve')
    .description('Run the API server (and the web app when built)')
    .option('--port <port>', 'port (default $PORT or 3000)')
    .option('--host <host>', 'interface (default $HOST or 127.0.0.1)')
    .option('--no-demo', 'do not create demo data on an empty database')
    .action(async (o: ServeOptions) => {
      const { runServe } = await import('../commands/serve.js');
      await runServe(o);
    });
}

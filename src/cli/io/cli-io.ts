/** Where a command writes, and how a failed command says so: `process` streams in production, string sinks in tests. */
import { isAssayError } from '../../core/errors.js';

export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown; isTTY?: boolean };
}

export const processIo: CliIo = { stdout: process.stdout, stderr: process.stderr };

/** Prints `assay COMMAND: message` and returns the exit code for the error (2 for bad input, 1 otherwise). */
export function reportFailure(err: unknown, io: CliIo, command = 'aggregate'): number {
  const message = err instanceof Error ? err.message : String(err);
  io.stderr.write(`assay ${command}: ${message}\n`);
  return isAssayError(err) && err.code === 'invalid' ? 2 : 1;
}

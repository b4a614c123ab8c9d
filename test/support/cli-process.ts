/**
 * Runs `assay` as a real process, for tests where process behaviour is the point: exit codes, what goes to stdout
 * and stderr, files written or not, signals. It runs this test run's compiled server (run-builds.ts), or the
 * sources through tsx when the run was started without builds.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { compiledCli } from './run-builds.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

// Built when a test file first imports this module, outside any test's or hook's timeout: on a busy machine the
// build can take longer than one.
const compiled = compiledCli();

/** Node's arguments that start `assay`, before the command's own. */
export function assayArgs(): string[] {
  return compiled ? [compiled] : ['--import', 'tsx', 'src/cli/main.ts'];
}

/**
 * Runs `assay ...args` to its end in the repository root. `env` is added to the test process's environment; a
 * variable set to `undefined` there is removed, so a test controls what the command sees.
 */
export function runAssay(args: string[], env: Record<string, string | undefined> = {}): SpawnSyncReturns<string> {
  const full: Record<string, string | undefined> = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete full[k];
  return spawnSync(process.execPath, [...assayArgs(), ...args], { cwd: ROOT, env: full as NodeJS.ProcessEnv, encoding: 'utf8' });
}

/**
 * Runs `assay` as a real process, for tests where process behaviour is the point: exit codes, what goes to stdout
 * and stderr, files written or not, signals. It runs the server the global setup compiled ($ASSAY_TEST_CLI), or
 * the sources through tsx when the run was started without builds.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Node's arguments that start `assay`, before the command's own. */
export function assayArgs(): string[] {
  const compiled = process.env.ASSAY_TEST_CLI;
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

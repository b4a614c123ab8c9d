/**
 * The builds a test run shares, each made at most once per run and only if a test asks for it: a run of one unit
 * test file builds nothing. The global setup names a folder per build; the first worker to need one builds it under
 * a lock (a directory made atomically), the others wait for its `built` marker.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BUILD_MINUTES = 10;

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function buildOnce(dir: string, what: string, build: () => void): void {
  const done = join(dir, '.built');
  if (existsSync(done)) return;
  const lock = `${dir}.lock`;
  try {
    mkdirSync(lock);
  } catch {
    const deadline = Date.now() + BUILD_MINUTES * 60_000;
    while (!existsSync(done)) {
      if (!existsSync(lock)) throw new Error(`the ${what} build of this test run failed in another test file`);
      if (Date.now() > deadline) throw new Error(`the ${what} build of this test run took over ${BUILD_MINUTES} minutes`);
      sleepSync(200);
    }
    return;
  }
  try {
    build();
    writeFileSync(done, '');
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/**
 * The compiled `assay` entry point ($ASSAY_TEST_CLI when given, else built into $ASSAY_TEST_SERVER_DIR), or
 * undefined when the run has no build folder (tests then run the sources through tsx).
 */
export function compiledCli(): string | undefined {
  if (process.env.ASSAY_TEST_CLI) return process.env.ASSAY_TEST_CLI;
  const dir = process.env.ASSAY_TEST_SERVER_DIR;
  if (!dir) return undefined;
  buildOnce(dir, 'server', () => {
    // JavaScript only: the typecheck is `npm run typecheck`'s job, and a type error must not hide the tests.
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', dir, '--noCheck', '--sourceMap', 'false'], { cwd: ROOT, stdio: 'pipe' });
    // Its package.json makes the .js files ES modules (node stops looking for one at node_modules) and gives
    // `assay --version` its number.
    copyFileSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  });
  return join(dir, 'src', 'cli', 'main.js');
}

/** The built web app of this run ($ASSAY_WEB_DIST), built on first use when the global setup named a folder for it. */
export function webDist(): string {
  const dir = process.env.ASSAY_WEB_DIST;
  if (!dir) return join(ROOT, 'web', 'dist');
  if (process.env.ASSAY_TEST_WEB_BUILD === dir) {
    buildOnce(dir, 'web app', () => {
      const vite = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
      execFileSync(process.execPath, [vite, 'build', '--config', 'web/vite.config.ts', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'], {
        cwd: ROOT,
        stdio: 'pipe',
      });
    });
  }
  return dir;
}

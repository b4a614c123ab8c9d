/**
 * Runs once before all test files: finds out whether PostgreSQL and Chromium are here. Under CI=true a missing one
 * fails the run; on a laptop the run goes on without it and says so loudly, with how to get it. It also builds, into
 * a folder of this run's own, the web app (browser journeys and the bundle test see the current sources, and a
 * developer's web/dist or another run's build is never rewritten under them) and the server (tests that spawn
 * `assay` run compiled JavaScript, a third of tsx's start-up cost per process). A build given in ASSAY_WEB_DIST or
 * ASSAY_TEST_CLI is used as it is (CI passes the one `npm ci` just made); ASSAY_TEST_BUILD=off skips both builds
 * for runs that spawn nothing, such as `npm run test:fast`.
 */
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const PG_ADMIN_URL = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CHROMIUM = process.env.ASSAY_CHROMIUM ?? '/usr/bin/chromium';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

async function postgresUp(): Promise<string | null> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (e) {
    return (e as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: boolean;
    chromium: boolean;
  }
}

export default async function setup(project: TestProject) {
  const ci = process.env.CI === 'true';
  const wantPg = (process.env.ASSAY_TEST_DIALECTS ?? 'sqlite,postgres').includes('postgres');
  const pgError = wantPg ? await postgresUp() : 'not requested (ASSAY_TEST_DIALECTS)';
  const chromium = existsSync(CHROMIUM);
  const missing: string[] = [];
  if (pgError && wantPg) {
    missing.push(
      `PostgreSQL at ${PG_ADMIN_URL} (${pgError}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  if (!chromium) missing.push(`Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  if (missing.length > 0) {
    const banner = ['', '!'.repeat(100), ...missing.map((m) => `!! SKIPPING tests that need ${m}`), '!'.repeat(100), ''].join('\n');
    if (ci) throw new Error(`CI=true and a required service is missing:${banner}`);
    process.stderr.write(banner + '\n');
  }
  project.provide('postgres', pgError === null);
  project.provide('chromium', chromium);
  if (process.env.ASSAY_TEST_BUILD === 'off') return;

  // Test workers and the processes they spawn inherit these variables (see test/support/cli-process.ts).
  const made: string[] = [];
  const builds: Promise<void>[] = [];
  if (!process.env.ASSAY_WEB_DIST) {
    const webDist = mkdtempSync(join(tmpdir(), 'assay-test-web-'));
    made.push(webDist);
    builds.push(buildWebApp(webDist).then(() => void (process.env.ASSAY_WEB_DIST = webDist)));
  }
  if (!process.env.ASSAY_TEST_CLI) {
    // The compiled server must sit under the repository's node_modules to resolve its dependencies from there.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const server = mkdtempSync(join(cache, 'assay-test-server-'));
    made.push(server);
    builds.push(buildServer(server).then(() => void (process.env.ASSAY_TEST_CLI = join(server, 'src', 'cli', 'main.js'))));
  }
  await Promise.all(builds);
  return () => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  };
}

async function buildWebApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  await build({
    configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
}

/** Emits JavaScript only: the typecheck is `npm run typecheck`'s job, and a type error must not hide the tests. */
async function buildServer(outDir: string): Promise<void> {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  await promisify(execFile)(process.execPath, [tsc, '-p', 'tsconfig.build.json', '--outDir', outDir, '--noCheck', '--sourceMap', 'false'], {
    cwd: ROOT,
  });
  // Its package.json makes the .js files ES modules (node stops looking for one at node_modules) and gives
  // `assay --version` its number.
  copyFileSync(join(ROOT, 'package.json'), join(outDir, 'package.json'));
}

/**
 * Runs once before all test files: finds out whether PostgreSQL and Chromium are here. Under CI=true a missing one
 * fails the run; on a laptop the run goes on without it and says so loudly, with how to get it. It also names this
 * run's own folders for the web app (browser journeys and the bundle test see the current sources, and a developer's
 * web/dist or another run's build is never rewritten under them) and the compiled server (tests that spawn `assay`
 * run JavaScript, a third of tsx's start-up cost per process), which the first test that needs one builds
 * (support/run-builds.ts). A build given in ASSAY_WEB_DIST or ASSAY_TEST_CLI is used as it is (CI passes the one
 * `npm ci` just made); ASSAY_TEST_BUILD=off builds nothing (tests run the sources through tsx and read web/dist).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

  // Test workers and the processes they spawn inherit these variables.
  const made: string[] = [];
  if (!process.env.ASSAY_WEB_DIST) {
    const webDist = mkdtempSync(join(tmpdir(), 'assay-test-web-'));
    made.push(webDist);
    process.env.ASSAY_WEB_DIST = webDist;
    process.env.ASSAY_TEST_WEB_BUILD = webDist;
  }
  if (!process.env.ASSAY_TEST_CLI) {
    // The compiled server must sit under the repository's node_modules to resolve its dependencies from there.
    const cache = join(ROOT, 'node_modules', '.cache');
    mkdirSync(cache, { recursive: true });
    const server = mkdtempSync(join(cache, 'assay-test-server-'));
    made.push(server);
    process.env.ASSAY_TEST_SERVER_DIR = server;
  }
  return () => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
    for (const dir of made) rmSync(`${dir}.lock`, { recursive: true, force: true });
  };
}

/**
 * Runs once before all test files: finds out whether PostgreSQL and Chromium are here. Under CI=true a missing one
 * fails the run; on a laptop the run goes on without it and says so loudly, with how to get it. It also builds the
 * web app, so browser journeys and the bundle test see the current sources.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';

export const PG_ADMIN_URL = process.env.ASSAY_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const CHROMIUM = process.env.ASSAY_CHROMIUM ?? '/usr/bin/chromium';

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
  if (pgError) {
    missing.push(
      `PostgreSQL at ${PG_ADMIN_URL} (${pgError}). Start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`,
    );
  }
  if (!chromium) missing.push(`Chromium at ${CHROMIUM}. Install it with: apt-get install -y chromium`);
  if (missing.length > 0) {
    const banner = ['', '!'.repeat(100), ...missing.map((m) => `!! SKIPPING tests that need ${m}`), '!'.repeat(100), ''].join('\n');
    if (ci && (pgError && wantPg || !chromium)) throw new Error(`CI=true and a required service is missing:${banner}`);
    process.stderr.write(banner + '\n');
  }
  // Browser journeys drive the web app that `assay serve` serves from web/dist, and the bundle test reads its
  // manifest: build it from the current sources.
  await buildWebApp();
  project.provide('postgres', pgError === null);
  project.provide('chromium', chromium);
}

async function buildWebApp(): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'warn' });
}

import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { availableParallelism } from 'node:os';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Test files at once: one per core. Vitest's default (one fewer than the cores) runs one file at a time on a 2-core
 * machine, which leaves a core idle while a file waits on a spawned `assay`, PostgreSQL or Chromium. More than the
 * cores starves the processes a file spawns (its timeouts are per test). ASSAY_TEST_WORKERS overrides.
 */
const workers = Number(process.env.ASSAY_TEST_WORKERS) || availableParallelism();

/**
 * Test files (SQLite databases, data folders of spawned servers, builds) go to a RAM-backed folder where there is
 * one: each SQLite commit's fsync is then free, which made the SQLite runs of the API simulations twice as slow as
 * PostgreSQL's. A process killed with SIGKILL loses nothing either way (what it acknowledged is in the WAL, which the
 * kernel keeps); only a power cut could, which no test simulates. ASSAY_TEST_TMPDIR overrides.
 */
const testTmp = process.env.ASSAY_TEST_TMPDIR ?? (existsSync('/dev/shm') ? '/dev/shm' : undefined);
if (testTmp) process.env.TMPDIR = testTmp;

/**
 * Two projects: `server` (Node: the core, the store on SQLite and PostgreSQL, the API, the CLI, browser journeys
 * against a real `assay serve`) and `web` (component tests of the React app in jsdom).
 */
export default defineConfig({
  test: {
    maxWorkers: workers,
    projects: [
      {
        test: {
          name: 'server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'scripts/**/*.test.ts'],
          globalSetup: ['test/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // expect.poll waits on a real server and browser: 1 s (Vitest's default) is a flake on a loaded 2-core box.
          expect: { poll: { timeout: 10_000 } },
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { '@core': fileURLToPath(new URL('./src/core', import.meta.url)) } },
        test: {
          name: 'web',
          root: './web',
          include: ['src/**/*.test.tsx', 'src/**/*.test.ts'],
          environment: 'jsdom',
          setupFiles: ['./src/test/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});

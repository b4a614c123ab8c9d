/**
 * Configuration from the environment, typed and checked once at start-up; a bad value stops the process with a
 * message naming the variable. Defaults make `npm start` work on a fresh machine with nothing set.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  ASSAY_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^(sqlite:|postgres(ql)?:\/\/)/, 'must start with sqlite: or postgres://')
    .optional(),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  ASSAY_SECRET: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ASSAY_SECURE_COOKIES: z.enum(['true', 'false']).default('false'),
  ASSAY_PG_POOL: z.coerce.number().int().min(1).max(200).default(10),
  ASSAY_LOG_REQUESTS: z.enum(['true', 'false']).default('false'),
  ASSAY_LIVE_QUALITY: z.enum(['on', 'off']).default('on'),
  ASSAY_AUTH_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  ASSAY_WEB_DIST: z.string().min(1).optional(),
});

export interface Config {
  dataDir: string;
  databaseUrl: string;
  port: number;
  host: string;
  /** Derives pseudonyms; from ASSAY_SECRET, else a random one kept in the data dir so restarts agree. */
  secret: string;
  logLevel: string;
  secureCookies: boolean;
  pgPoolSize: number;
  /** Log every request (off by default: a laptop console stays readable; servers usually turn it on). */
  logRequests: boolean;
  /** How long a server trusts a resolved session or token before asking the database again (0: always ask). */
  authCacheMs: number;
  /** Keep each item's aggregate current after submits and run adaptive overlap (services/quality/live-results.ts). */
  liveQuality: boolean;
  /** A built web app to serve instead of the package's web/dist (tests build one per run, apart from a developer's). */
  webDist?: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration: ${String(issue.path[0])} ${issue.message}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.ASSAY_DATA_DIR);
  return {
    dataDir,
    databaseUrl: e.DATABASE_URL ?? `sqlite:${join(dataDir, 'assay.db')}`,
    port: e.PORT,
    host: e.HOST,
    secret: e.ASSAY_SECRET ?? localSecret(dataDir),
    logLevel: e.LOG_LEVEL,
    secureCookies: e.ASSAY_SECURE_COOKIES === 'true',
    pgPoolSize: e.ASSAY_PG_POOL,
    logRequests: e.ASSAY_LOG_REQUESTS === 'true',
    authCacheMs: e.ASSAY_AUTH_CACHE_MS,
    liveQuality: e.ASSAY_LIVE_QUALITY === 'on',
    ...(e.ASSAY_WEB_DIST && { webDist: resolve(e.ASSAY_WEB_DIST) }),
  };
}

/** A per-installation secret for a laptop: made once, kept beside the database. Servers should set ASSAY_SECRET. */
function localSecret(dataDir: string): string {
  const file = join(dataDir, 'secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret + '\n', { mode: 0o600 });
  return secret;
}

/**
 * `assay serve`: migrate, seed the demo on first run (printing its credentials once), start the HTTP server and
 * background jobs, and shut down cleanly on SIGINT/SIGTERM (in-flight requests finish; the store flushes).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { loadConfig } from '../../config.js';
import { buildApp } from '../../api/app.js';
import { seedDemoIfEmpty, type DemoCredentials } from '../../services/demo/seed-demo.js';
import { firstRunNeeded } from '../../services/workforce/first-run.js';
import { startJobs } from '../../jobs/runner.js';
import { LiveResults } from '../../services/quality/live-results.js';
import { openContext, reportError } from '../context.js';

/** web/dist relative to the package root, whether running from src/ (tsx) or dist/src/ (compiled). */
function findWebRoot(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'web', 'dist');
    if (existsSync(join(dir, 'package.json'))) return existsSync(candidate) ? candidate : undefined;
    dir = dirname(dir);
  }
  return undefined;
}

function printDemo(demo: DemoCredentials, url: string) {
  const lines = [
    '',
    'Demo data created. These passwords are shown only now:',
    ...demo.users.map((u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(24)} ${u.password}${u.vendor ? `   (${u.vendor})` : ''}`),
    `Demo project: ${demo.projectId}`,
    `Open ${url} and sign in: annotator1 to label, manager to watch and export, admin for people and tokens.`,
    `Or from a terminal: curl -c jar -H 'content-type: application/json' -d '{"email":"annotator1@demo.assay","password":"…"}' ${url}/api/v1/auth/login`,
    '',
  ];
  process.stdout.write(lines.join('\n') + '\n');
}

export interface ServeOptions {
  port?: string;
  host?: string;
  demo: boolean;
}

export async function runServe(o: ServeOptions): Promise<void> {
  try {
    const config = loadConfig({ ...process.env, ...(o.port && { PORT: o.port }), ...(o.host && { HOST: o.host }) });
    const ctx = await openContext(config);
    if (config.liveQuality) ctx.deps.live = new LiveResults(ctx.deps);
    const demo = o.demo ? await seedDemoIfEmpty(ctx.deps) : null;
    const webRoot = config.webDist ?? findWebRoot();
    const app = await buildApp({
      deps: ctx.deps,
      logger: { level: config.logLevel },
      secureCookies: config.secureCookies,
      logRequests: config.logRequests,
      webRoot,
    });
    const stopJobs = startJobs(ctx.deps, app.log);
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = typeof addr === 'object' && addr ? addr.port : config.port;
    const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
    process.stdout.write(`Assay is running at ${url}  (database: ${ctx.store.dialect.name}; API: ${url}/api/v1/openapi.json)\n`);
    if (!webRoot) process.stdout.write('The web app is not built (web/dist is missing): run `npm run build:web`; the API works without it.\n');
    if (demo) printDemo(demo, url);
    if (await firstRunNeeded(ctx.deps)) {
      process.stdout.write(
        [
          'No organization yet. Set Assay up for your lab:',
          `  in a browser: ${url}/setup (open only until the first organization exists)`,
          '  or from a terminal: assay init --org NAME --admin-email E   (password from $ASSAY_ADMIN_PASSWORD, or printed once)',
          '',
        ].join('\n'),
      );
    }
    process.stdout.write('Lost a password? assay user reset-password --email E   (new password from $ASSAY_NEW_PASSWORD, or printed once; ends their sessions)\n');
    let stopping = false;
    const stop = async () => {
      if (stopping) return;
      stopping = true;
      await app.close();
      await stopJobs();
      await ctx.deps.live?.close();
      await ctx.store.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop());
    process.on('SIGTERM', () => void stop());
  } catch (e) {
    process.exitCode = reportError(e);
  }
}

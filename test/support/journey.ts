/**
 * What every browser journey starts from: a real `assay serve` (its demo org seeded) on SQLite in a fresh temp data
 * dir, Debian's Chromium, and a 1280×800 session signed in as a demo user; `close()` takes it all down again. Also
 * the demo users' API sessions, for setting up data or checking what the browser sent.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openSession, signIn, type Session } from './browser.js';
import { api, demoPassword, startServer, type ServerProcess } from './server-process.js';
import { webDist } from './run-builds.js';

// Built when a journey first imports this module, outside any hook's timeout.
const WEB_DIST = webDist();

export interface Journey {
  server: ServerProcess;
  browser: Browser;
  /** The main session; signed in when `as` was given. */
  session: Session;
  page: Page;
  /** Another browser session with its own cookies (a second user, another window size). */
  openSession(options?: { as?: string; viewport?: { width: number; height: number } }): Promise<Session>;
  /** Signs a demo user in through the API, apart from any browser session. */
  apiAs(email: string): Promise<ApiCaller>;
  close(): Promise<void>;
}

/** Calls the API with one user's session cookie. */
export interface ApiCaller {
  cookie: string;
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; json: T }>;
}

/** Signs in through the API and returns the session cookie (`name=value; …`, as a Cookie header takes it). */
export async function signInThroughApi(url: string, email: string, password: string): Promise<string> {
  const login = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`sign-in of ${email} answered ${login.status}: ${await login.text()}`);
  return login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** `name` goes into the temp dir's name, to tell the journeys' leftovers apart. */
export async function startJourney({ name, as }: { name: string; as?: string }): Promise<Journey> {
  const dataDir = mkdtempSync(join(tmpdir(), `assay-${name}-browser-`));
  // The journey's own SQLite file under the data dir, whatever database or secret the test run was given.
  const env = { ...process.env, ASSAY_DATA_DIR: dataDir, ASSAY_WEB_DIST: WEB_DIST } as Record<string, string>;
  delete env.DATABASE_URL;
  delete env.ASSAY_SECRET;
  const [started, launched] = await Promise.allSettled([startServer(env), launchBrowser()]);
  const server = started.status === 'fulfilled' ? started.value : undefined;
  const browser = launched.status === 'fulfilled' ? launched.value : undefined;

  const close = async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  };
  if (!server || !browser) {
    await close();
    throw started.status === 'rejected' ? started.reason : (launched as PromiseRejectedResult).reason;
  }

  const open: Journey['openSession'] = async ({ as: email, viewport } = {}) => {
    const session = await openSession(browser, server.url, viewport);
    if (email) await signIn(session.page, email, demoPassword(server.output(), email));
    return session;
  };
  try {
    const session = await open(as === undefined ? {} : { as });
    return {
      server,
      browser,
      session,
      page: session.page,
      openSession: open,
      apiAs: async (email) => {
        const cookie = await signInThroughApi(server.url, email, demoPassword(server.output(), email));
        return { cookie, call: (method, path, body) => api(server.url, method, path, body, { cookie }) };
      },
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

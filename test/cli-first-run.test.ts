/**
 * `assay init` and `assay user reset-password` as a lab runs them, on both databases: a real process, exit codes,
 * the option or variable at fault named, the password printed once (or taken from the environment), nothing written
 * on refusal, and a reset that ends the user's sessions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { DIALECTS, createTestDatabase, type TestDatabase } from './support/databases.js';
import { countRows } from './support/routes.js';
import { openStore, migrateToLatest, type Store } from '../src/store/db.js';
import { makeDeps } from '../src/services/deps.js';
import { CredentialCache } from '../src/services/auth/credential-cache.js';
import { buildApp } from '../src/api/app.js';
import { runAssay } from './support/cli-process.js';

describe.each(DIALECTS)('assay init and user reset-password on %s', (dialect) => {
  let tdb: TestDatabase;
  let dir: string;
  let store: Store;
  let app: FastifyInstance;
  /** The admin's password as `assay init` printed it. */
  let adaPassword = '';
  // The passwords come from `env` only, never from the shell the tests were started in.
  const run = (args: string[], env: Record<string, string> = {}) =>
    runAssay(args, { DATABASE_URL: tdb.url, ASSAY_DATA_DIR: dir, ASSAY_SECRET: 'cli-test-secret-0123456789', ASSAY_ADMIN_PASSWORD: undefined, ASSAY_NEW_PASSWORD: undefined, ...env });
  const login = (email: string, password: string) => app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  const printedPassword = (stdout: string) => /password \(shown only now\): (\S+)/.exec(stdout)?.[1];

  beforeAll(async () => {
    tdb = await createTestDatabase(dialect);
    dir = mkdtempSync(join(tmpdir(), 'assay-cli-init-'));
    store = openStore(tdb.url);
    await migrateToLatest(store.db);
    // No credential cache: a session ended in the database is refused on the next request.
    app = await buildApp({ deps: makeDeps(store, { credentials: new CredentialCache(0) }) });
  });
  afterAll(async () => {
    await app?.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    await tdb?.drop();
  });

  it('says to run assay init when there is no organization yet', () => {
    const r = run(['user', 'add', '--email', 'x@lab.example', '--name', 'X', '--role', 'manager']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('assay init --org NAME --admin-email E');
  });

  it('refuses bad input naming the option or variable, exit 2, writing nothing', async () => {
    const before = await countRows(store.db);
    const email = run(['init', '--org', 'Acme Lab', '--admin-email', 'not-an-email']);
    expect(email.status).toBe(2);
    expect(email.stderr).toMatch(/^assay: --admin-email: "not-an-email" is not an email address/);
    const org = run(['init', '--org', '  ', '--admin-email', 'ada@acme.example']);
    expect(org.status).toBe(2);
    expect(org.stderr).toMatch(/^assay: --org: /);
    const pw = run(['init', '--org', 'Acme Lab', '--admin-email', 'ada@acme.example'], { ASSAY_ADMIN_PASSWORD: 'short' });
    expect(pw.status).toBe(2);
    expect(pw.stderr).toMatch(/^assay: ASSAY_ADMIN_PASSWORD: The password must have 8 to 200 characters/);
    const missing = run(['init', '--org', 'Acme Lab']);
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('--admin-email');
    expect(await countRows(store.db)).toEqual(before);
  });

  it('creates the organization and its admin, printing a generated password once', async () => {
    const r = run(['init', '--org', 'Acme Lab', '--admin-email', 'Ada@Acme.example', '--admin-name', 'Ada Admin']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^created organization "Acme Lab" \(\S+\) and its admin ada@acme\.example \(\S+\)\n/);
    const password = printedPassword(r.stdout)!;
    expect(password).toMatch(/^[\w-]{20}$/);
    expect(r.stdout.split(password)).toHaveLength(2); // printed exactly once
    adaPassword = password;
    const rows = await store.db.selectFrom('users').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email: 'ada@acme.example', name: 'Ada Admin', role: 'admin', active: 1 });
    expect(rows[0]!.password_hash).not.toContain(password);
    expect((await store.db.selectFrom('instance_setup').selectAll().execute()).map((s) => s.via)).toEqual(['cli']);
    expect((await login('ada@acme.example', password)).statusCode).toBe(200);
    // Now `assay user add` finds the one organization.
    const add = run(['user', 'add', '--email', 'max@acme.example', '--name', 'Max', '--role', 'manager', '--password', 'max password 123']);
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
  });

  it('refuses a second init once an organization exists, writing nothing', async () => {
    const before = await countRows(store.db);
    const r = run(['init', '--org', 'Other Lab', '--admin-email', 'eve@other.example'], { ASSAY_ADMIN_PASSWORD: 'a long enough password' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^assay: Assay is set up already: an organization exists/);
    expect(r.stdout).toBe('');
    expect(await countRows(store.db)).toEqual(before);
  });

  it('resets a lost password from ASSAY_NEW_PASSWORD and ends every session of that user only', async () => {
    const max1 = await login('max@acme.example', 'max password 123');
    const max2 = await login('max@acme.example', 'max password 123');
    const ada = await login('ada@acme.example', adaPassword);
    expect([max1.statusCode, max2.statusCode, ada.statusCode]).toEqual([200, 200, 200]);
    const cookieOf = (res: typeof max1) => res.cookies.find((c) => c.name === 'assay_session')!.value;
    const me = (cookie: string) => app.inject({ method: 'GET', url: '/api/v1/me', cookies: { assay_session: cookie } });
    expect((await me(cookieOf(max1))).statusCode).toBe(200);

    const r = run(['user', 'reset-password', '--email', 'MAX@acme.example'], { ASSAY_NEW_PASSWORD: 'a brand new password' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('new password for max@acme.example; 2 sessions ended');
    expect(r.stdout).toContain('password: the one in $ASSAY_NEW_PASSWORD');
    expect(r.stdout).not.toContain('a brand new password');
    for (const res of [max1, max2]) expect((await me(cookieOf(res))).statusCode).toBe(401);
    expect((await login('max@acme.example', 'max password 123')).statusCode).toBe(401);
    expect((await login('max@acme.example', 'a brand new password')).statusCode).toBe(200);
    // Another user's session is untouched.
    expect((await me(cookieOf(ada))).statusCode).toBe(200);
  });

  it('generates and prints a new password once when no variable is set; an unknown email or short password exits 2', async () => {
    const r = run(['user', 'reset-password', '--email', 'max@acme.example']);
    expect(r.status).toBe(0);
    const password = printedPassword(r.stdout)!;
    expect(password).toMatch(/^[\w-]{20}$/);
    expect((await login('max@acme.example', password)).statusCode).toBe(200);

    const unknown = run(['user', 'reset-password', '--email', 'nobody@acme.example']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^assay: --email: no user with email nobody@acme.example/);
    const short = run(['user', 'reset-password', '--email', 'max@acme.example'], { ASSAY_NEW_PASSWORD: 'short' });
    expect(short.status).toBe(2);
    expect(short.stderr).toMatch(/^assay: ASSAY_NEW_PASSWORD: The password must have 8 to 200 characters/);
    expect((await login('max@acme.example', password)).statusCode).toBe(200);
  });
});


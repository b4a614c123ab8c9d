/**
 * A first run without the demo, in a real browser: `assay serve --no-demo` on a fresh SQLite database says in its
 * banner how to set up (the first-run screen's URL, or `assay init`) and how to reset a lost password; opening the
 * app leads from sign-in to the first-run screen, which is filled with the keyboard alone, shows the server's
 * message at the field it names, creates the organization and its admin, and signs them in. From then on the screen
 * says Assay is set up and the API answers 409. Screenshots at 1366×850; axe on each state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openSession, screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { api, startServer, type ServerProcess } from '../support/server-process.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const VIEWPORT = { width: 1366, height: 850 };

describe.skipIf(!inject('chromium'))('the first run in the browser', () => {
  let dataDir: string;
  let server: ServerProcess;
  let browser: Browser;
  let session: Session;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'assay-first-run-browser-'));
    const env = { ...process.env, ASSAY_DATA_DIR: dataDir } as Record<string, string>;
    delete env.DATABASE_URL;
    delete env.ASSAY_SECRET;
    [server, browser] = await Promise.all([startServer(env, ['--no-demo']), launchBrowser()]);
    session = await openSession(browser, server.url, VIEWPORT);
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says in the start banner how to set up and how to reset a lost password', async () => {
    await expect.poll(() => server.output()).toContain('reset-password');
    const out = server.output();
    expect(out).not.toContain('Demo data created');
    expect(out).toContain(`${server.url}/setup`);
    expect(out).toContain('assay init --org NAME --admin-email E');
    expect(out).toContain('assay user reset-password --email E');
  });

  it('leads from the app to the first-run screen, which says which field is wrong', async () => {
    const page = session.page;
    await page.goto('/');
    await page.waitForURL('**/setup');
    await page.getByRole('heading', { level: 1, name: 'Set up Assay' }).waitFor();
    await expectNoSeriousViolations(page, 'first-run screen');
    await screenshot(page, 'first-run-1366');

    // The keyboard alone: the organization field has focus, Tab moves on, Enter submits.
    await page.keyboard.type('Acme Lab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Ada Admin');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ada-at-acme');
    await page.keyboard.press('Tab');
    await page.keyboard.type('a long enough password');
    await page.keyboard.press('Enter');
    const email = page.getByLabel('Email');
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('alert').filter({ hasText: 'is not an email address' }).waitFor();
    expect(await page.getByLabel('Organization').getAttribute('aria-invalid')).toBe('false');
    await expectNoSeriousViolations(page, 'first-run screen with a field error');
    await screenshot(page, 'first-run-error-1366');
    expect((await api(server.url, 'GET', '/api/v1/setup')).json).toEqual({ needed: true });
  });

  it('creates the organization and its admin, and signs them in', async () => {
    const page = session.page;
    const email = page.getByLabel('Email');
    await email.fill('ada@acme.example');
    await page.getByRole('button', { name: 'Create the organization and sign in' }).click();
    await page.waitForURL('**/admin**');
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me).toMatchObject({ email: 'ada@acme.example', name: 'Ada Admin', role: 'admin' });
    await expectNoSeriousViolations(page, 'admin after the first run');
    await screenshot(page, 'first-run-done-1366');
  });

  it('is closed from then on: the screen says so and the API answers 409', async () => {
    expect((await api(server.url, 'GET', '/api/v1/setup')).json).toEqual({ needed: false });
    const again = await api(server.url, 'POST', '/api/v1/setup', { organization: 'Other', name: 'Eve', email: 'eve@other.example', password: 'a long enough password' });
    expect(again.status).toBe(409);
    const late = await openSession(browser, server.url, VIEWPORT);
    await late.page.goto('/setup');
    await late.page.getByText('Assay is set up already: an organization exists.').waitFor();
    await late.page.getByRole('link', { name: 'Sign in' }).click();
    await late.page.getByRole('heading', { level: 1, name: /Sign in to Assay/ }).waitFor();
    await expectNoSeriousViolations(late.page, 'sign-in after the first run');
    // The admin signs in with the password chosen on the screen.
    await late.page.getByLabel('Email').fill('ada@acme.example');
    await late.page.getByLabel('Password').fill('a long enough password');
    await late.page.getByRole('button', { name: 'Sign in' }).click();
    await late.page.waitForURL((u) => !u.pathname.startsWith('/login'));
    expect(unexpectedErrors(session)).toEqual([]);
    expect(unexpectedErrors(late)).toEqual([]);
    expect([...session.outside, ...late.outside]).toEqual([]);
  });
});

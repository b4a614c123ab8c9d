/**
 * The results browser in a real browser against a real `assay serve`: the demo annotators label a few items through
 * the API, then the demo manager opens the project's Results tab, reads an item (its aggregate, confidence and
 * annotations), walks the list with the keyboard, searches, and filters by confidence. Screenshots at 1280×800; axe
 * on the screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openSession, screenshot, signIn, type Session } from '../support/browser.js';
import { demoPassword, startServer, type ServerProcess } from '../support/server-process.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const unexpectedErrors = (s: Session) => s.errors.filter((e) => !e.startsWith('Failed to load resource'));

describe.skipIf(!inject('chromium'))('results browser in the browser', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'assay-results-browser-'));
  let server: ServerProcess;
  let browser: Browser;
  let session: Session;
  let page: Page;
  let projectId = '';
  /** Item ids in the order the annotators labelled them. */
  const labelled: string[] = [];

  /** Signs in through the API and returns a caller with that session. */
  async function as(email: string) {
    const login = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: demoPassword(server.output(), email) }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    return async (method: string, path: string, body?: unknown) => {
      const res = await fetch(`${server.url}${path}`, {
        method,
        headers: { cookie, ...(body !== undefined && { 'content-type': 'application/json' }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      });
      return { status: res.status, json: (await res.json()) as Record<string, unknown> };
    };
  }

  beforeAll(async () => {
    const env = { ...process.env } as Record<string, string>;
    delete env.DATABASE_URL;
    delete env.ASSAY_SECRET;
    [server, browser] = await Promise.all([startServer({ ...env, ASSAY_DATA_DIR: dataDir }), launchBrowser()]);
    const manager = await as('manager@demo.assay');
    const projects = (await manager('GET', '/api/v1/projects')).json.items as { id: string }[];
    projectId = projects[0]!.id;
    // Three annotators label four items each at overlap 2: they agree on some items and split on others.
    const answers = [
      ['positive', 'negative', 'neutral', 'positive'],
      ['positive', 'negative', 'positive', 'negative'],
      ['negative', 'neutral', 'positive', 'positive'],
    ];
    for (const [k, email] of ['annotator1@demo.assay', 'annotator2@demo.assay', 'annotator3@demo.assay'].entries()) {
      const call = await as(email);
      for (let i = 0; i < 4; i++) {
        const next = await call('POST', `/api/v1/projects/${projectId}/tasks/next`, {});
        expect(next.status).toBe(200);
        const task = next.json as { assignmentId: string; item: { id: string } };
        labelled.push(task.item.id);
        const submit = await call('POST', `/api/v1/tasks/${task.assignmentId}/submit`, {
          answers: { sentiment: answers[k]![i], preference: (k + i) % 3 === 0 ? -2 : 1, rationale: `Reason ${k}-${i}: the reply cites the manual.` },
          timeSpentMs: 4000 + 1000 * i,
          clientSignals: { pastes: i === 2 ? 1 : 0, focusLosses: k },
        });
        expect(submit.status).toBe(201);
      }
    }
    session = await openSession(browser, server.url);
    page = session.page;
    await signIn(page, 'manager@demo.assay', demoPassword(server.output(), 'manager@demo.assay'));
  });
  afterAll(async () => {
    await browser?.close();
    server?.child.kill('SIGTERM');
    if (server) await server.exited;
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('opens an item from the list with its aggregate, confidence and annotations', async () => {
    await page.goto(`/manage/projects/${projectId}/results`);
    const list = page.getByRole('list', { name: 'Items' });
    await expect.poll(() => list.locator('.results-item').count()).toBeGreaterThan(4);
    await list.locator('.results-item').first().click();
    const detail = page.getByRole('article');
    await detail.getByRole('heading', { level: 2 }).waitFor();
    expect(new URL(page.url()).searchParams.get('item')).toBe(labelled[0]);
    const aggregate = detail.getByRole('table', { name: 'Aggregate' });
    await expect.poll(() => aggregate.getByRole('row').count()).toBe(4);
    expect(await aggregate.getByRole('row', { name: /overall sentiment/ }).textContent()).toMatch(/Dawid–Skene/);
    expect(await aggregate.getByRole('meter').count()).toBe(2);
    const annotations = detail.getByRole('region', { name: 'Annotations table' });
    expect(await annotations.getByRole('row').count()).toBe(3);
    expect(await annotations.textContent()).toMatch(/annotator-/);
    await screenshot(page, 'results-item');
    await expectNoSeriousViolations(page, 'results item');
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });

  it('walks the list with the arrow keys and jumps to the search with /', async () => {
    const title = page.getByRole('article').getByRole('heading', { level: 2 });
    const first = await title.textContent();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => title.textContent()).not.toBe(first);
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => title.textContent()).toBe(first);
    await page.keyboard.press('/');
    const search = page.getByRole('searchbox', { name: /Search/ });
    expect(await search.evaluate((el) => el === (el as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement)).toBe(true);
    await search.fill('BATTERY');
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('BATTERY');
    const rows = page.getByRole('list', { name: 'Items' }).locator('.results-item');
    await expect.poll(async () => (await rows.allTextContents()).every((t) => /battery/i.test(t))).toBe(true);
    await screenshot(page, 'results-search');
    await search.fill('');
  });

  it('lists the least certain items when a confidence range is set', async () => {
    await page.getByRole('combobox', { name: 'Question' }).selectOption('sentiment');
    await page.getByRole('spinbutton', { name: 'To %' }).fill('90');
    const rows = page.getByRole('list', { name: 'Items' }).locator('.results-item');
    await expect.poll(() => new URL(page.url()).searchParams.get('max')).toBe('90');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    for (const meter of await page.getByRole('list', { name: 'Items' }).getByRole('meter').all()) {
      expect(Number(await meter.getAttribute('aria-valuenow'))).toBeLessThanOrEqual(90);
    }
    await rows.first().click();
    await page.getByRole('article').getByRole('table', { name: 'Aggregate' }).waitFor();
    await screenshot(page, 'results-confidence');
    await expectNoSeriousViolations(page, 'results by confidence');
    expect(unexpectedErrors(session)).toEqual([]);
  });
});

/**
 * The results browser in a real browser against a real `assay serve`: the demo annotators label a few items through
 * the API, then the demo manager opens the project's Results tab, reads an item (its aggregate, confidence and
 * annotations), walks the list with the keyboard, searches, and filters by confidence. Screenshots at 1280×800; axe
 * on the screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

describe.skipIf(!inject('chromium'))('results browser in the browser', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let projectId = '';
  /** Item ids in the order the annotators labelled them. */
  const labelled: string[] = [];

  beforeAll(async () => {
    journey = await startJourney({ name: 'results', as: 'manager@demo.assay' });
    ({ session, page } = journey);
    const manager = await journey.apiAs('manager@demo.assay');
    const projects = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/projects');
    // The demo's schema and eight of its items, in a project whose only judgments are this journey's (the demo's own
    // has a history). No hidden gold (its draw is random), so the annotators claim the items in the list's order.
    const demo = projects.json.items.find((p) => p.name.startsWith('Product reviews'))!.id;
    const schema = (await manager.call<{ schema: unknown }>('GET', `/api/v1/projects/${demo}/schema`)).json.schema;
    const listed = await manager.call<{ items: { id: string }[] }>('GET', `/api/v1/projects/${demo}/items?gold=false&limit=8`);
    const items = await Promise.all(
      listed.json.items.map(async (i, n) => ({ id: `copy-${n}`, data: (await manager.call<{ data: unknown }>('GET', `/api/v1/projects/${demo}/items/${i.id}`)).json.data })),
    );
    const created = await manager.call<{ id: string }>('POST', '/api/v1/projects', { name: 'Product reviews, results', schema, overlapK: 2, goldRate: 0 });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    projectId = created.json.id;
    const imported = await fetch(`${journey.server.url}/api/v1/projects/${projectId}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', cookie: manager.cookie },
      body: items.map((i) => JSON.stringify(i)).join('\n'),
    });
    expect(imported.status).toBe(201);
    // Three annotators label four items each at overlap 2: they agree on some items and split on others.
    const answers = [
      ['positive', 'negative', 'neutral', 'positive'],
      ['positive', 'negative', 'positive', 'negative'],
      ['negative', 'neutral', 'positive', 'positive'],
    ];
    for (const [k, email] of ['annotator1@demo.assay', 'annotator2@demo.assay', 'annotator3@demo.assay'].entries()) {
      const { call } = await journey.apiAs(email);
      for (let i = 0; i < 4; i++) {
        const next = await call<{ assignmentId: string; item: { id: string } }>('POST', `/api/v1/projects/${projectId}/tasks/next`, {});
        expect(next.status).toBe(200);
        const task = next.json;
        labelled.push(task.item.id);
        const submit = await call('POST', `/api/v1/tasks/${task.assignmentId}/submit`, {
          answers: { sentiment: answers[k]![i], preference: (k + i) % 3 === 0 ? -2 : 1, rationale: `Reason ${k}-${i}: the reply cites the manual.` },
          timeSpentMs: 4000 + 1000 * i,
          clientSignals: { pastes: i === 2 ? 1 : 0, focusLosses: k },
        });
        expect(submit.status).toBe(201);
      }
    }
  });
  afterAll(() => journey?.close());

  it('opens an item from the list with its aggregate, confidence and annotations', async () => {
    await page.goto(`/manage/projects/${projectId}/results?gold=false`);
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

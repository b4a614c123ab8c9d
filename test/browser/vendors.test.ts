/**
 * The Vendors tab in a real browser against a real `assay serve`: the admin sets both demo vendors' pay terms, the
 * three demo annotators (two vendors) label the demo project through the API, hidden gold included; the manager
 * opens the Vendors tab and sees a scorecard per vendor with accuracy and cost, the charts, a vendor's annotators,
 * and a head-to-head sentence. axe on the screen; screenshots saved.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

describe.skipIf(!inject('chromium'))('the Vendors tab in the browser', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let projectId = '';
  let vendorNames: string[] = [];

  beforeAll(async () => {
    journey = await startJourney({ name: 'vendors', as: 'manager@demo.assay' });
    ({ session, page } = journey);
    const admin = await journey.apiAs('admin@demo.assay');
    const vendors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/vendors?limit=100');
    vendorNames = vendors.json.items.map((v) => v.name);
    for (const [i, v] of vendors.json.items.entries()) {
      const set = await admin.call('PATCH', `/api/v1/vendors/${v.id}`, { payModel: 'per_task', payRateMinor: i === 0 ? 40 : 12, currency: 'USD' });
      expect(set.status, JSON.stringify(set.json)).toBe(200);
    }
    const manager = await journey.apiAs('manager@demo.assay');
    const projects = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/projects?limit=100');
    projectId = projects.json.items.find((p) => p.name.startsWith('Product reviews'))!.id;
    const SENTIMENTS = ['positive', 'neutral', 'negative'];
    for (const [a, careless] of [[1, 0], [2, 3], [3, 2]] as const) {
      const annotator = await journey.apiAs(`annotator${a}@demo.assay`);
      for (let n = 0; ; n++) {
        const t = await annotator.call<{ assignmentId: string; item: { data: { review: string } } }>('POST', `/api/v1/projects/${projectId}/tasks/next`);
        if (t.status !== 200) break;
        const truth = [...t.json.item.data.review].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % 3;
        const pick = careless > 0 && n % careless === 0 ? (truth + 1) % 3 : truth;
        const s = await annotator.call('POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, { answers: { sentiment: SENTIMENTS[pick], preference: pick - 1 }, timeSpentMs: 4000 });
        expect(s.status).toBe(201);
      }
    }
  });
  afterAll(() => journey?.close());

  it('shows a scorecard per vendor with accuracy and cost, the charts, and a vendor’s annotators', async () => {
    await page.goto(`/manage/projects/${projectId}/vendors`);
    const cards = page.getByRole('region', { name: 'Vendor scorecards' });
    const table = cards.getByRole('table').first();
    await table.waitFor();
    for (const name of vendorNames) await table.getByText(name, { exact: false }).first().waitFor();
    expect(await table.innerText()).toMatch(/\$0\.\d\d/);
    await page.getByRole('region', { name: 'Accuracy' }).locator('.chart-canvas svg').waitFor();
    await page.getByRole('region', { name: 'Cost per correct label' }).locator('.chart-canvas svg').waitFor();
    await expectNoSeriousViolations(page, 'vendors tab');
    await screenshot(page, 'vendors-scorecards-1280');

    const expand = cards.getByRole('button', { expanded: false }).filter({ hasText: /annotators/i }).first();
    await expand.click();
    await cards.getByRole('table', { name: /^Annotators of/ }).waitFor();
    await screenshot(page, 'vendors-annotators-1280');
  });

  it('compares two vendors head to head in one sentence', async () => {
    const h2h = page.getByRole('region', { name: 'Head-to-head' });
    await h2h.getByText(/more accurate than|less accurate than|equally accurate|cannot be compared/).waitFor();
    await expectNoSeriousViolations(page, 'head-to-head');
    await screenshot(page, 'vendors-head-to-head-1280');
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });
});

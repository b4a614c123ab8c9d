/**
 * The Vendors tab in a real browser against a real `assay serve`: the admin sets one demo vendor's pay terms in
 * Admin (the other's through the API), the three demo annotators (two vendors) label the demo project through the
 * API, hidden gold included, one of them rushing through every fifth task; the manager opens the Vendors tab and sees
 * a scorecard per vendor with accuracy, cost and flag counts, the charts, a vendor's annotators, and a head-to-head
 * sentence; on the Quality tab the rushed annotations are flagged too fast, and one opens on its item's page in
 * Results with its flag. axe on each screen; screenshots saved.
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
  let rushed = 0;

  beforeAll(async () => {
    journey = await startJourney({ name: 'vendors', as: 'manager@demo.assay' });
    ({ session, page } = journey);
    const admin = await journey.apiAs('admin@demo.assay');
    const vendors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/vendors?limit=100');
    vendorNames = vendors.json.items.map((v) => v.name);
    // The first vendor's terms are set in Admin (the first test); the others' here.
    for (const v of vendors.json.items.slice(1)) {
      const set = await admin.call('PATCH', `/api/v1/vendors/${v.id}`, { payModel: 'per_task', payRateMinor: 12, currency: 'USD' });
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
        // annotator1 rushes every fifth task: 300 ms against everyone's 4 s is under a quarter of either median.
        const rush = a === 1 && n % 5 === 0;
        if (rush) rushed++;
        const s = await annotator.call('POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, { answers: { sentiment: SENTIMENTS[pick], preference: pick - 1 }, timeSpentMs: rush ? 300 : 4000 });
        expect(s.status).toBe(201);
      }
    }
  });
  afterAll(() => journey?.close());

  it("lets the admin set a vendor's pay terms in Admin, in major units, and shows them in words", async () => {
    const adminSession = await journey.openSession({ as: 'admin@demo.assay' });
    const p = adminSession.page;
    await p.goto('/admin/vendors');
    const first = vendorNames[0]!;
    await p.getByRole('button', { name: `Pay terms of ${first}` }).click();
    const dialog = p.getByRole('dialog', { name: `Pay terms of ${first}` });
    await dialog.getByRole('combobox', { name: 'Pay model' }).selectOption('per_hour');
    await dialog.getByRole('textbox', { name: 'Rate' }).fill('12.50');
    await dialog.getByRole('textbox', { name: 'Currency' }).fill('USD');
    await dialog.getByText(`${first} will be paid $12.50 per hour.`).waitFor();
    await expectNoSeriousViolations(p, 'pay terms dialog');
    await screenshot(p, 'admin-vendor-pay-terms-dialog-1280');
    await dialog.getByRole('button', { name: 'Save pay terms' }).click();
    await p.getByRole('status').filter({ hasText: `Saved: ${first} is paid $12.50 per hour.` }).waitFor();
    await p.getByRole('row', { name: new RegExp(first) }).getByText('$12.50 per hour').waitFor();
    await screenshot(p, 'admin-vendors-pay-terms-1280');
    const admin = await journey.apiAs('admin@demo.assay');
    const vendors = await admin.call<{ items: { name: string; payTerms: unknown }[] }>('GET', '/api/v1/vendors?limit=100');
    expect(vendors.json.items.find((v) => v.name === first)!.payTerms).toEqual({ model: 'per_hour', rateMinor: 1250, currency: 'USD' });
    expect(unexpectedErrors(adminSession)).toEqual([]);
    await adminSession.context.close();
  });

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

  it("counts each vendor's flags, and shows the rushed annotations flagged too fast on the Quality tab and on their item's page", async () => {
    expect(rushed).toBeGreaterThan(0);
    const table = page.getByRole('region', { name: 'Vendor scorecards' }).getByRole('table').first();
    await table.getByText(new RegExp(`^${rushed} of \\d+ flagged$`)).first().waitFor();
    await table.getByText(`Too fast ${rushed}`).first().waitFor();

    await page.goto(`/manage/projects/${projectId}/quality`);
    const card = page.getByRole('region', { name: 'Effort and fraud signals' });
    await card.getByRole('table').waitFor();
    expect(await card.getByRole('table').getByRole('row').count()).toBe(1 + rushed);
    await card.getByText(/^Under 25% of the item's median time/).waitFor();
    await expectNoSeriousViolations(page, 'quality tab with signals');
    await screenshot(page, 'quality-signals-1280');
    const flagLink = page.getByRole('link', { name: /^\d+ of \d+ flagged: list / });
    await flagLink.waitFor();

    await flagLink.click();
    await card.getByText(/^Only /).waitFor();
    await card.getByRole('button', { name: 'Change thresholds' }).click();
    await card.getByRole('form', { name: 'Signal thresholds' }).waitFor();
    await screenshot(page, 'quality-signals-thresholds-1280');

    await card.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await page.waitForURL(/\/results\?item=/);
    const annotations = page.getByRole('region', { name: 'Annotations table' });
    await annotations.waitFor();
    const flagged = annotations.getByRole('row').filter({ hasText: 'Too fast' });
    await flagged.getByText(/^300 ms on task: /).waitFor();
    expect(await annotations.getByText('No flags').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'item with flags');
    await screenshot(page, 'results-item-flags-1280');
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });
});

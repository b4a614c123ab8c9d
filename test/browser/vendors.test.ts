/**
 * The Vendors tab in a real browser against a real `assay serve`: the admin sets one demo vendor's pay terms in
 * Admin (the other's through the API), the three demo annotators (two vendors) label the demo project through the
 * API, hidden gold included, one of them rushing through every fifth task; the manager opens the Vendors tab and sees
 * a scorecard per vendor with accuracy, cost and flag counts, the charts, a vendor's annotators, and a head-to-head
 * sentence; on the Quality tab the rushed annotations are flagged too fast, and one opens on its item's page in
 * Results with its flag. The manager downloads the quality report from the project's header and opens the file in a
 * fresh Chromium context: its server-rendered SVG charts draw, and it asks for nothing but itself; "Open report"
 * shows the same in a new tab under its own CSP without a console error. axe on each screen; screenshots saved.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { DEMO_ITEMS } from '../../src/services/demo/demo-items.js';

const GOLD_BY_REVIEW = new Map(DEMO_ITEMS.flatMap((i) => (i.gold ? [[i.review, i.gold] as const] : [])));

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
      // Thirty tasks each: the demo's history left far more, and its figures are there already.
      for (let n = 0; n < 30; n++) {
        const t = await annotator.call<{ assignmentId: string; item: { data: { review: string } } }>('POST', `/api/v1/projects/${projectId}/tasks/next`);
        if (t.status !== 200) break;
        // A careful answer is the gold answer where the demo has one (the annotator knows the truth), else a fixed one.
        const review = t.json.item.data.review;
        const gold = GOLD_BY_REVIEW.get(review);
        const truth = gold ? SENTIMENTS.indexOf(gold.sentiment) : [...review].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % 3;
        const pick = careless > 0 && n % careless === 0 ? (truth + 1) % 3 : truth;
        // annotator1 rushes every fifth task: 300 ms against 30 s (about the demo history's pace) is under a quarter
        // of either median.
        const rush = a === 1 && n % 5 === 0;
        if (rush) rushed++;
        const s = await annotator.call('POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, { answers: { sentiment: SENTIMENTS[pick], preference: gold && pick === truth ? gold.preference : pick - 1 }, timeSpentMs: rush ? 300 : 30_000 });
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
    await card.getByText(/^Under 25% of the item's median time/).waitFor();
    await expectNoSeriousViolations(page, 'quality tab with signals');
    await screenshot(page, 'quality-signals-1280');
    // The demo's history has flags of its own (its careless annotator's): list annotator1's.
    const flagLink = page.getByRole('link', { name: /^\d+ of \d+ flagged: list Ana Annotator's flagged annotations/ });
    await flagLink.waitFor();

    await flagLink.click();
    await card.getByText(/^Only /).waitFor();
    expect(await card.getByRole('table').getByRole('row').count()).toBe(1 + rushed);
    await card.getByRole('button', { name: 'Change thresholds' }).click();
    await card.getByRole('form', { name: 'Signal thresholds' }).waitFor();
    await screenshot(page, 'quality-signals-thresholds-1280');

    await card.getByRole('table').getByRole('rowheader').first().getByRole('link').click();
    await page.waitForURL(/\/results\?item=/);
    const annotations = page.getByRole('region', { name: 'Selected item' });
    await annotations.getByRole('table').first().waitFor();
    const flagged = annotations.getByRole('row').filter({ hasText: 'Too fast' });
    await flagged.getByText(/^300 ms on task: /).waitFor();
    expect(await annotations.getByText('No flags').count()).toBeGreaterThan(0);
    await expectNoSeriousViolations(page, 'item with flags');
    await screenshot(page, 'results-item-flags-1280');
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });

  it('downloads the quality report from the console; the file opens offline in Chromium, charts drawn, asking for nothing', async () => {
    await page.goto(`/manage/projects/${projectId}/vendors`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download quality report' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^assay-report-product-reviews.*\.html$/);
    const file = `${SCREENSHOTS}quality-report.html`;
    await download.saveAs(file);

    // A context of its own, offline: every request the page makes is recorded; only the file itself may be one.
    const context = await journey.browser.newContext({ viewport: { width: 1400, height: 900 }, offline: true });
    const report = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    report.on('request', (r) => requests.push(r.url()));
    report.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    report.on('pageerror', (e) => errors.push(e.message));
    const url = pathToFileURL(file).href;
    await report.goto(url);
    await report.getByRole('heading', { level: 1 }).waitFor();
    const charts = report.locator('figure [role="img"] svg');
    expect(await charts.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const box = await charts.nth(i).boundingBox();
      expect(box!.width).toBeGreaterThan(300);
      expect(box!.height).toBeGreaterThan(200);
      // Drawn, not an empty frame: axes, bars or lines and their labels.
      expect(await charts.nth(i).locator('path').count()).toBeGreaterThan(5);
      expect(await charts.nth(i).locator('text').count()).toBeGreaterThan(3);
    }
    for (const name of vendorNames) await report.getByRole('table').first().getByText(name, { exact: false }).first().waitFor();
    await report.getByText(/more accurate than|less accurate than|equally accurate|cannot be compared/).first().waitFor();
    await report.screenshot({ path: `${SCREENSHOTS}quality-report-1400.png`, fullPage: true });
    expect(requests).toEqual([url]);
    expect(errors).toEqual([]);
    await context.close();
    // axe is a script the report's own CSP refuses (as it should): check it in a context that bypasses the CSP.
    const axeContext = await journey.browser.newContext({ viewport: { width: 1400, height: 900 }, offline: true, bypassCSP: true });
    const axePage = await axeContext.newPage();
    await axePage.goto(url);
    await expectNoSeriousViolations(axePage, 'quality report');
    await axeContext.close();

    const [tab] = await Promise.all([session.context.waitForEvent('page'), page.getByRole('link', { name: /^Open report/ }).click()]);
    const tabErrors: string[] = [];
    tab.on('console', (m) => m.type() === 'error' && tabErrors.push(m.text()));
    await tab.waitForLoadState('load');
    expect(await tab.title()).toMatch(/^Quality report: Product reviews/);
    expect(await tab.locator('figure [role="img"] svg').count()).toBe(3);
    expect(tabErrors).toEqual([]);
    await tab.close();
    expect(session.outside).toEqual([]);
  });
});

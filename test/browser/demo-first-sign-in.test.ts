/**
 * What a newcomer meets on first sign-in to a fresh demo (a real `assay serve`, its demo seeded with a history), in
 * Chromium at 1366×850: the manager opens the demo project's Overview, Quality, Vendors and Results tabs, the review
 * landing and the quality report, and each shows figures (charts drawn, tables with rows, no "nothing yet" message);
 * the demo reviewer finds a queue waiting; a demo annotator still gets a task. Screenshots of each; axe on each.
 * Before anyone signs in, a cold start is not an error: opening the app signed out lands on the sign-in page with
 * nothing in the console (no 401 for "who am I", no React Router warning about a missing HydrateFallback), and a deep
 * link opened cold after signing in is as quiet; every console error and warning counts, the browser's own "Failed
 * to load resource" notes included.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS, screenshot, signIn, unexpectedErrors, type Session } from '../support/browser.js';
import { demoPassword } from '../support/server-process.js';
import { startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const VIEWPORT = { width: 1366, height: 850 };
/** What an empty screen says; none of it may show on first sign-in. */
const EMPTY = /no data|nothing yet|no annotator has answered|no judgments yet|not enough data|no annotations yet|no annotator is paused|nothing flagged/i;

/** Every console error and warning the page logs from now on, and every uncaught error. */
function consoleNoise(page: Page): string[] {
  const noise: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') noise.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => noise.push(`uncaught: ${e.message}`));
  return noise;
}

async function expectRows(table: Locator, atLeast: number) {
  await table.waitFor();
  expect(await table.locator('tbody tr').count()).toBeGreaterThanOrEqual(atLeast);
}

async function expectChart(region: Locator) {
  const svg = region.locator('svg').first();
  await svg.waitFor();
  expect(await region.locator('svg path').count()).toBeGreaterThan(3);
}

describe.skipIf(!inject('chromium'))('the demo on first sign-in', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let projectId = '';
  const base = () => `/manage/projects/${projectId}`;

  beforeAll(async () => {
    journey = await startJourney({ name: 'demo-first-sign-in' });
    session = await journey.openSession({ as: 'manager@demo.assay', viewport: VIEWPORT });
    page = session.page;
    const manager = await journey.apiAs('manager@demo.assay');
    const projects = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/projects');
    projectId = projects.json.items.find((p) => p.name.startsWith('Product reviews'))!.id;
  }, 120_000);
  afterAll(() => journey?.close());

  const expectNotEmpty = async (what: string) => {
    const text = await page.locator('main').innerText();
    expect(text.match(EMPTY)?.[0] ?? null, `${what} says it is empty`).toBeNull();
  };

  it('a cold start signed out lands on the sign-in page with a silent console', async () => {
    const { page: cold, context } = await journey.openSession({ viewport: VIEWPORT });
    const noise = consoleNoise(cold);
    const statuses: number[] = [];
    cold.on('response', (r) => {
      if (r.url().includes('/api/')) statuses.push(r.status());
    });
    await cold.goto('/manage');
    await cold.waitForURL('**/login?next=%2Fmanage');
    await cold.getByRole('heading', { level: 1, name: /Sign in to Assay/ }).waitFor();
    expect(statuses.every((s) => s < 400), `API statuses ${statuses.join(', ')}`).toBe(true);
    expect(noise).toEqual([]);

    // Signed in, a deep link reloaded cold, then signing out: as quiet.
    await signIn(cold, 'manager@demo.assay', demoPassword(journey.server.output(), 'manager@demo.assay'));
    await cold.goto('/manage');
    await cold.getByRole('heading', { level: 1 }).first().waitFor();
    await cold.reload();
    await cold.getByRole('heading', { level: 1 }).first().waitFor();
    await cold.getByRole('button', { name: 'Sign out' }).click();
    await cold.getByRole('heading', { level: 1, name: /Sign in to Assay/ }).waitFor();
    expect(noise).toEqual([]);
    await context.close();
  });

  it('Overview: progress most of the way and throughput over the past days', async () => {
    await page.goto(base());
    await page.getByRole('heading', { name: 'Progress' }).waitFor();
    await page.getByText(/\d+ of \d+ items complete/).first().waitFor();
    const throughput = page.getByRole('region', { name: 'Throughput' });
    await expectChart(throughput);
    await expectNotEmpty('Overview');
    await expectNoSeriousViolations(page, 'overview');
    await screenshot(page, 'demo-overview-1366');
  });

  it('Quality: annotators with accuracy, agreement over time, calibration, a paused annotator and flagged annotations', async () => {
    await page.goto(`${base()}/quality`);
    await page.getByRole('heading', { name: 'Annotators', exact: true }).waitFor();
    await screenshot(page, 'demo-quality-1366');
    await expectRows(page.getByRole('region', { name: 'Annotators', exact: true }).getByRole('table').first(), 9);
    await expectChart(page.getByRole('region', { name: 'Agreement over time' }));
    await expectChart(page.getByRole('region', { name: 'Confidence against gold' }));
    await page.getByRole('region', { name: 'Paused annotators', exact: true }).getByText('Ivan Petrov').first().waitFor();
    await expectRows(page.getByRole('region', { name: 'Effort and fraud signals' }).getByRole('table').first(), 5);
    await expectNotEmpty('Quality');
    await expectNoSeriousViolations(page, 'quality tab');
    await screenshot(page, 'demo-quality-1366');
    // The full page is tall: each card on its own too, to look at.
    for (const name of ['Annotators', 'Paused annotators', 'Agreement over time', 'Confidence against gold']) {
      await page.getByRole('region', { name, exact: true }).screenshot({ path: `${SCREENSHOTS}demo-quality-${name.toLowerCase().replaceAll(' ', '-')}-1366.png` });
    }
  });

  it('Vendors: a scorecard per vendor with accuracy and cost, the charts and a head-to-head', async () => {
    await page.goto(`${base()}/vendors`);
    const cards = page.getByRole('region', { name: 'Vendor scorecards' });
    const table = cards.getByRole('table').first();
    await expectRows(table, 3);
    for (const name of ['Demo Lab experts', 'CrowdCo', 'Northwind Experts']) await table.getByText(name).first().waitFor();
    expect(await table.innerText()).toMatch(/\$\d+\.\d\d/);
    await expectChart(page.getByRole('region', { name: 'Accuracy' }));
    await expectChart(page.getByRole('region', { name: 'Cost per correct label' }));
    await page.getByRole('region', { name: 'Head-to-head' }).getByText(/more accurate than|less accurate than|equally accurate/).first().waitFor();
    await expectNotEmpty('Vendors');
    await expectNoSeriousViolations(page, 'vendors tab');
    await screenshot(page, 'demo-vendors-1366');
  });

  it('Results: items with their aggregates and confidence, and one item with its annotations', async () => {
    await page.goto(`${base()}/results`);
    const items = page.getByRole('list', { name: 'Items' });
    await items.getByRole('listitem').first().waitFor();
    await screenshot(page, 'demo-results-list-1366');
    expect(await items.getByRole('listitem').count()).toBeGreaterThanOrEqual(10);
    await items.getByRole('listitem').first().click();
    await expectRows(page.getByRole('region', { name: 'Annotations table' }).getByRole('table'), 2);
    await page.getByRole('region', { name: 'Selected item' }).getByRole('meter').first().waitFor();
    await expectNotEmpty('Results');
    await expectNoSeriousViolations(page, 'results tab');
    await screenshot(page, 'demo-results-1366');
  });

  it('Review: the landing lists the demo project with reviews waiting', async () => {
    await page.goto('/review');
    await page.getByText(/Product reviews/).first().waitFor();
    expect(await page.locator('main').innerText()).toMatch(/[1-9]\d* annotations? waiting/i);
    await expectNoSeriousViolations(page, 'review landing');
    await screenshot(page, 'demo-review-landing-1366');
  });

  it('the quality report: vendors, charts and head-to-heads', async () => {
    const [tab] = await Promise.all([session.context.waitForEvent('page'), page.goto(`${base()}/vendors`).then(() => page.getByRole('link', { name: /^Open report/ }).click())]);
    await tab.waitForLoadState('load');
    expect(await tab.title()).toMatch(/^Quality report: Product reviews/);
    const charts = tab.locator('figure [role="img"] svg');
    expect(await charts.count()).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < (await charts.count()); i++) expect(await charts.nth(i).locator('path').count()).toBeGreaterThan(3);
    for (const name of ['Demo Lab experts', 'CrowdCo', 'Northwind Experts']) await tab.getByRole('table').first().getByText(name).first().waitFor();
    await tab.setViewportSize(VIEWPORT);
    await tab.screenshot({ path: `${SCREENSHOTS}demo-report-1366.png` });
    await tab.close();
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });

  it('the reviewer finds a queue waiting, and an annotator still finds work', async () => {
    const reviewer = await journey.openSession({ as: 'reviewer@demo.assay', viewport: VIEWPORT });
    await reviewer.page.goto('/review');
    await reviewer.page.getByText(/Product reviews/).first().waitFor();
    await reviewer.page.getByRole('link', { name: /Product reviews/ }).first().click();
    await reviewer.page.getByRole('button', { name: /Accept/ }).first().waitFor();
    await expectNoSeriousViolations(reviewer.page, 'review queue');
    await screenshot(reviewer.page, 'demo-review-queue-1366');
    expect(unexpectedErrors(reviewer)).toEqual([]);
    await reviewer.context.close();

    const annotator = await journey.apiAs('annotator1@demo.assay');
    const next = await annotator.call('POST', `/api/v1/projects/${projectId}/tasks/next`);
    expect(next.status).toBe(200);
  });
});

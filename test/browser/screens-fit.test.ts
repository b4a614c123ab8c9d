/**
 * The manager console at laptop size (1366×850) against a real `assay serve`: the demo annotators label the demo
 * project through the API (hidden gold included, one of them careless; a free-text rationale in Markdown, with a
 * script payload), then the manager opens Quality, Vendors, Results and Settings. On each, by comparing element
 * boxes: no table pokes out of its card (its right edge within its scroll container's visible right edge, or the
 * container scrolls, says so with a visible cue and keeps the first column in view), no cell's text overflows its
 * box, and the page itself never scrolls sideways. The accuracy chart has one error bar per vendor. In Settings two
 * sections are changed, leaving asks first, one Save saves both, and a reload shows them saved. Screenshots at
 * 1366×850; axe on each screen.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { DEMO_ITEMS } from '../../src/services/demo/demo-items.js';

const VIEWPORT = { width: 1366, height: 850 };
const GOLD_BY_REVIEW = new Map(DEMO_ITEMS.flatMap((i) => (i.gold ? [[i.review, i.gold] as const] : [])));

/**
 * What the boxes say about one screen: each problem in words (empty: everything fits). Run in the page as a string
 * (the test project has no DOM types): for every table shown in <main>, its nearest horizontally clipping or
 * scrolling ancestor; a table past that container's visible right edge is a problem unless the container scrolls
 * with its cue (a shadow at the edge, a hint, the first column sticky); so is any cell whose text overflows it, and
 * a page that scrolls sideways.
 */
const CLIPPING = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth + 1) problems.push('the page scrolls sideways: ' + doc.scrollWidth + ' > ' + window.innerWidth);
  const name = (el) => (el.querySelector('caption')?.textContent?.trim()) || el.getAttribute('aria-labelledby') || el.className || el.tagName;
  for (const table of Array.from(document.querySelectorAll('main table'))) {
    const box = table.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    let c = table.parentElement;
    while (c && c.tagName !== 'MAIN') {
      const o = getComputedStyle(c).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') break;
      c = c.parentElement;
    }
    c = c || document.querySelector('main');
    const cBox = c.getBoundingClientRect();
    const visibleRight = cBox.left + c.clientWidth;
    if (cBox.right > window.innerWidth + 1) problems.push(name(table) + ': its container ends at ' + Math.round(cBox.right) + ', past the window');
    if (c.scrollWidth > c.clientWidth + 1) {
      const style = getComputedStyle(c);
      if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') problems.push(name(table) + ': clipped by a container that does not scroll');
      const frame = c.closest('.table-scroll-frame');
      const shadow = frame && (getComputedStyle(frame, '::after').opacity === '1' || getComputedStyle(frame, '::before').opacity === '1');
      const hint = frame && frame.querySelector('.table-scroll-hint');
      if (!c.getAttribute('data-overflow') || !shadow || !hint) problems.push(name(table) + ': scrolls without a visible cue');
      const first = table.querySelector('tbody tr > :first-child');
      if (first && getComputedStyle(first).position !== 'sticky') problems.push(name(table) + ': scrolls but its first column does not stay');
    } else if (box.right > visibleRight + 1) {
      problems.push(name(table) + ': right edge ' + Math.round(box.right) + " past its container's " + Math.round(visibleRight));
    }
    for (const el of Array.from(table.querySelectorAll('th, td'))) {
      if (el.offsetParent === null) continue;
      if (el.scrollWidth > el.clientWidth + 1) problems.push(name(table) + ': cell "' + (el.textContent || '').trim().slice(0, 40) + '" overflows (' + el.scrollWidth + ' > ' + el.clientWidth + ')');
    }
  }
  return problems;
})()`;

/** The problems `CLIPPING` finds on the page as it is now. */
const clipping = (page: Page): Promise<string[]> => page.evaluate(CLIPPING) as Promise<string[]>;

describe.skipIf(!inject('chromium'))('the manager console fits at 1366×850', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let projectId = '';
  let vendorNames: string[] = [];
  /** The item whose rationale is Markdown with a script payload. */
  let markdownItem = '';

  beforeAll(async () => {
    const t0 = Date.now();
    journey = await startJourney({ name: 'screens-fit' });
    console.log(`server up in ${Date.now() - t0} ms`);
    session = await journey.openSession({ as: 'manager@demo.assay', viewport: VIEWPORT });
    page = session.page;
    const admin = await journey.apiAs('admin@demo.assay');
    const vendors = await admin.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/vendors?limit=100');
    vendorNames = vendors.json.items.map((v) => v.name);
    for (const v of vendors.json.items) {
      const set = await admin.call('PATCH', `/api/v1/vendors/${v.id}`, { payModel: 'per_task', payRateMinor: 12, currency: 'USD' });
      expect(set.status, JSON.stringify(set.json)).toBe(200);
    }
    const manager = await journey.apiAs('manager@demo.assay');
    const projects = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/projects?limit=100');
    projectId = projects.json.items.find((p) => p.name.startsWith('Product reviews'))!.id;
    // Review a share, so the review columns have figures.
    expect((await manager.call('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 0.3, firstN: 2, flagged: true, lowConfidence: null })).status).toBe(200);
    const SENTIMENTS = ['positive', 'neutral', 'negative'];
    for (const [a, careless] of [[1, 0], [2, 3], [3, 2]] as const) {
      const annotator = await journey.apiAs(`annotator${a}@demo.assay`);
      for (let n = 0; n < 20; n++) {
        const t = await annotator.call<{ assignmentId: string; item: { id: string; data: { review: string } } }>('POST', `/api/v1/projects/${projectId}/tasks/next`);
        if (t.status !== 200) break;
        const review = t.json.item.data.review;
        const gold = GOLD_BY_REVIEW.get(review);
        const truth = gold ? SENTIMENTS.indexOf(gold.sentiment) : [...review].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % 3;
        const pick = careless > 0 && n % careless === 0 ? (truth + 1) % 3 : truth;
        const rush = a === 1 && n % 5 === 0;
        if (a === 1 && n === 0) markdownItem = t.json.item.id;
        const rationale = a === 1 && n === 0 ? 'The reply **cites the manual** and lists:\n\n- the fix\n- the cause\n\n<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>' : `Reason ${a}-${n}.`;
        const s = await annotator.call('POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, {
          answers: { sentiment: SENTIMENTS[pick], preference: gold && pick === truth ? gold.preference : pick - 1, rationale },
          timeSpentMs: rush ? 300 : 4000,
        });
        expect(s.status, JSON.stringify(s.json)).toBe(201);
      }
    }
  }, 300_000);
  afterAll(() => journey?.close());
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    console.log(`${ctx.task.name}: console errors`, session.errors);
    await screenshot(page, `fit-failed-${ctx.task.name.split(':')[0]!.toLowerCase()}`);
  });

  it('Quality: the annotator table and every other table fit or scroll visibly', async () => {
    await page.goto(`/manage/projects/${projectId}/quality`);
    const table = page.locator('table.annotator-table');
    await table.waitFor();
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(2);
    await page.getByRole('region', { name: 'Effort and fraud signals' }).getByRole('table').waitFor();
    await screenshot(page, 'fit-quality-1366');
    await page.locator('.quality-card').filter({ has: table }).screenshot({ path: `${SCREENSHOTS}fit-quality-annotators-1366.png` });
    expect(await clipping(page)).toEqual([]);
    await expectNoSeriousViolations(page, 'quality tab at 1366');
  });

  it('Vendors: the scorecards with their cost columns fit, and the accuracy chart has an error bar per vendor', async () => {
    await page.goto(`/manage/projects/${projectId}/vendors`);
    const cards = page.getByRole('region', { name: 'Vendor scorecards' });
    const table = cards.getByRole('table').first();
    await table.waitFor();
    for (const name of vendorNames) await table.getByText(name, { exact: false }).first().waitFor();
    const accuracy = page.getByRole('figure', { name: 'Gold accuracy by vendor' });
    await accuracy.locator('.chart-canvas svg').waitFor();
    const vendorRows = await table.locator('tbody > tr:not(.annotator-panel)').count();
    expect(await accuracy.locator('.chart-canvas').getAttribute('data-error-bars')).toBe(String(vendorRows));
    // Drawn too: each error bar is three strokes (the line and two caps) over the bars.
    expect(await accuracy.locator('.chart-canvas svg path').count()).toBeGreaterThan(3 * vendorRows);
    await screenshot(page, 'fit-vendors-1366');
    await cards.screenshot({ path: `${SCREENSHOTS}fit-vendors-scorecards-1366.png` });
    await accuracy.screenshot({ path: `${SCREENSHOTS}fit-vendors-accuracy-chart-1366.png` });
    expect(await clipping(page)).toEqual([]);
    await expectNoSeriousViolations(page, 'vendors tab at 1366');
    await cards.getByRole('button', { expanded: false }).filter({ hasText: /annotators/i }).first().click();
    await cards.getByRole('table', { name: /^Annotators of/ }).waitFor();
    expect(await clipping(page)).toEqual([]);
    await screenshot(page, 'fit-vendors-annotators-1366');
  });

  it('Results: the list and an item fit, and a rationale shows as sanitised Markdown', async () => {
    await page.goto(`/manage/projects/${projectId}/results?gold=false`);
    const list = page.getByRole('list', { name: 'Items' });
    await expect.poll(() => list.locator('.results-item').count()).toBeGreaterThan(2);
    await list.locator('.results-item').first().click();
    const detail = page.getByRole('article');
    await detail.getByRole('heading', { level: 2 }).waitFor();
    await detail.getByRole('region', { name: 'Annotations table' }).waitFor();
    await screenshot(page, 'fit-results-1366');
    expect(await clipping(page)).toEqual([]);
    await expectNoSeriousViolations(page, 'results at 1366');

    await page.goto(`/manage/projects/${projectId}/results?item=${markdownItem}`);
    const annotations = page.getByRole('article').getByRole('region', { name: 'Annotations table' });
    const cell = annotations.locator('td', { has: page.locator('.markdown strong', { hasText: 'cites the manual' }) });
    await cell.waitFor();
    expect(await cell.locator('li').allTextContents()).toEqual(['the fix', 'the cause']);
    expect(await page.locator('main script, main [onerror]').count()).toBe(0);
    expect(await page.evaluate('window.__xss')).toBeUndefined();
    expect(await clipping(page)).toEqual([]);
    await screenshot(page, 'fit-results-markdown-1366');
  });

  it('Settings: two sections changed, leaving asks first, one Save saves both, a reload shows them', async () => {
    await page.goto(`/manage/projects/${projectId}/settings`);
    const general = page.getByRole('region', { name: 'General' });
    await general.getByLabel('Description').waitFor();
    expect(await clipping(page)).toEqual([]);
    expect(await page.getByRole('button', { name: /^Save/ }).count()).toBe(1);
    await general.getByLabel('Description').fill('Sentiment and preference of product reviews, checked at laptop size.');
    const routing = page.getByRole('region', { name: 'Routing' });
    await routing.getByLabel('Required domain').fill('consumer/reviews');
    const bar = page.locator('.settings-save-bar');
    await bar.getByText('Unsaved changes in General and Routing.').waitFor();
    // The bar stays in the window while the page is scrolled to the top.
    await page.evaluate('window.scrollTo(0, 0)');
    const barBox = await bar.boundingBox();
    expect(barBox!.y + barBox!.height).toBeLessThanOrEqual(VIEWPORT.height + 1);
    await screenshot(page, 'fit-settings-unsaved-1366');
    await page.screenshot({ path: `${SCREENSHOTS}fit-settings-unsaved-window-1366.png` });

    await page.getByRole('link', { name: 'Overview' }).first().click();
    const dialog = page.getByRole('alertdialog', { name: 'Leave without saving?' });
    await dialog.waitFor();
    await expectNoSeriousViolations(page, 'leave warning');
    await page.screenshot({ path: `${SCREENSHOTS}fit-settings-leave-1366.png` });
    await dialog.getByRole('button', { name: 'Stay on Settings' }).click();
    expect(new URL(page.url()).pathname).toMatch(/\/settings$/);

    await bar.getByRole('button', { name: 'Save changes' }).click();
    await bar.getByText('Saved General and Routing.').waitFor();
    await page.reload();
    await general.getByLabel('Description').waitFor();
    expect(await general.getByLabel('Description').inputValue()).toBe('Sentiment and preference of product reviews, checked at laptop size.');
    expect(await routing.getByLabel('Required domain').inputValue()).toBe('consumer/reviews');
    await bar.getByText('No unsaved changes.').waitFor();
    await expectNoSeriousViolations(page, 'settings at 1366');
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });
});

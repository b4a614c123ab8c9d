/**
 * The manager console in a real browser against a real `assay serve`: the demo manager builds a project with a
 * label, a span and a pairwise question in the schema builder (watching the live preview), uploads items with
 * the upload progress bar, sees a bad file refused line by line; a demo annotator labels three items with the
 * keyboard only and skips a fourth; the manager sees the progress update and the throughput chart, and the export
 * holds exactly those three annotations. Screenshots of every tab at 1280×800; axe on each screen.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const ITEMS = 3000;
/** Items that fit the schema built below: a review, and two replies to a prompt. */
function itemsJsonl(): string {
  const rows = Array.from({ length: ITEMS }, (_, i) =>
    JSON.stringify({
      id: `rev-${i + 1}`,
      text: `Review ${i + 1}: the Acme Kettle boils fast, but the lid of the Acme Kettle rattles a little when it does.`,
      prompt: `Question ${i + 1}: how long should I steep green tea?`,
      response_a: 'Two to three minutes at about 80 °C.',
      response_b: 'Ten minutes in boiling water.',
    }),
  );
  return rows.join('\n') + '\n';
}

/** Lines 2 and 5 lack the `text` the label and span questions read. */
const BAD_FILE = [
  { id: 'b1', text: 'fine', prompt: 'p', response_a: 'a', response_b: 'b' },
  { id: 'b2', prompt: 'p', response_a: 'a', response_b: 'b' },
  { id: 'b3', text: 'fine', prompt: 'p', response_a: 'a', response_b: 'b' },
  { id: 'b4', text: 'fine', prompt: 'p', response_a: 'a', response_b: 'b' },
  { id: 'b5', prompt: 'p', response_a: 'a', response_b: 'b' },
]
  .map((r) => JSON.stringify(r))
  .join('\n');

async function replace(field: Locator, text: string) {
  await field.fill(text);
}

describe.skipIf(!inject('chromium'))('manager console in the browser', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let projectId = '';

  beforeAll(async () => {
    journey = await startJourney({ name: 'manage', as: 'manager@demo.assay' });
    ({ session, page } = journey);
  });
  afterAll(() => journey?.close());

  it('lists the projects with their progress', async () => {
    await page.waitForURL('**/manage');
    const table = page.getByRole('table');
    await table.getByRole('progressbar').first().waitFor();
    expect(await table.getByRole('row').count()).toBeGreaterThan(1);
    await expectNoSeriousViolations(page, 'projects page');
    await screenshot(page, 'manage-projects-1280');
  });

  it('builds a project with a label, a span and a pairwise question, watching the preview', async () => {
    await page.getByRole('link', { name: 'New project' }).click();
    await page.waitForURL('**/manage/new');
    await page.getByLabel('Name', { exact: true }).fill('Kettle reviews');
    await page.getByLabel('Description').fill('Sentiment, product mentions and reply preference.');
    await page.getByLabel('Overlap k').fill('1');

    const questions = page.locator('details.question-editor');
    const preview = page.getByRole('region', { name: 'Live preview' });
    const add = async (type: string) => {
      await page.getByLabel('New question of type').selectOption(type);
      await page.getByRole('button', { name: '+ Add question' }).click();
      return questions.last();
    };

    const label = await add('label');
    await replace(label.getByLabel('Id', { exact: true }), 'sentiment');
    await label.getByLabel('Prompt', { exact: true }).fill('What is the overall sentiment?');
    await replace(label.getByLabel('Option 1 value'), 'pos');
    await replace(label.getByLabel('Option 1 label'), 'Positive');
    await replace(label.getByLabel('Option 2 value'), 'neg');
    await replace(label.getByLabel('Option 2 label'), 'Negative');
    await preview.getByRole('radio', { name: /Positive/ }).waitFor();

    // An invalid edit shows the parser's message at the field, and the preview keeps the last good version.
    await replace(label.getByLabel('Option 2 value'), 'pos');
    const value2 = label.getByLabel('Option 2 value');
    await expect.poll(() => value2.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByText('options must have unique values; "pos" appears twice').count()).toBeGreaterThan(0);
    await replace(value2, 'neg');

    const span = await add('span');
    await replace(span.getByLabel('Id', { exact: true }), 'products');
    await span.getByLabel('Prompt', { exact: true }).fill('Mark every product name.');
    await replace(span.getByLabel('Label 1 value'), 'product');
    await replace(span.getByLabel('Label 1 name'), 'Product');

    const pairwise = await add('pairwise');
    await replace(pairwise.getByLabel('Id', { exact: true }), 'preference');
    await pairwise.getByLabel('Prompt', { exact: true }).fill('Which reply answers better?');
    await pairwise.getByLabel('Point -3').fill('A is much better');
    await pairwise.getByLabel('Point 3').fill('B is much better');

    await page.getByText('✓ Valid: 3 questions').waitFor();
    for (const prompt of ['What is the overall sentiment?', 'Mark every product name.', 'Which reply answers better?']) {
      await preview.getByRole('heading', { name: new RegExp(prompt.replace(/[?.]/g, '\\$&')) }).waitFor();
    }
    await preview.getByRole('radio', { name: /Positive/ }).click();
    expect(await preview.getByRole('radio', { name: /Positive/ }).getAttribute('aria-checked')).toBe('true');

    await page.getByLabel('Guidelines (Markdown)').fill('# Kettle reviews\n\n- **Positive**: would recommend.\n- Mark brand *and* model as one product.');
    await page.getByRole('region', { name: 'Guidelines preview' }).getByRole('heading', { name: 'Kettle reviews' }).waitFor();
    await expectNoSeriousViolations(page, 'new project page');
    await screenshot(page, 'manage-new-project-1280');

    await page.getByRole('button', { name: 'Create project' }).click();
    // The next step is offered: the new project opens on its Import tab, and its overview says what to do, not zeros.
    await page.waitForURL(/\/manage\/projects\/[^/]+\/import$/);
    projectId = new URL(page.url()).pathname.split('/').at(-2)!;
    await page.getByRole('heading', { name: 'Kettle reviews', level: 1 }).waitFor();
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Overview' }).click();
    const next = page.getByRole('region', { name: 'Next: import the items to label' });
    await next.waitFor();
    expect(await page.getByRole('region', { name: 'Progress' }).count()).toBe(0);
    await screenshot(page, 'manage-new-project-next-steps-1280');
    const schema = (await page.evaluate(async (id) => (await fetch(`/api/v1/projects/${id}/schema`)).json(), projectId)) as {
      schema: { questions: { id: string; type: string }[] };
    };
    expect(schema.schema.questions.map((q) => [q.id, q.type])).toEqual([
      ['sentiment', 'label'],
      ['products', 'span'],
      ['preference', 'pairwise'],
    ]);
  });

  it('uploads items with a progress bar, and refuses a bad file line by line', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Import' }).click();
    const items = page.getByRole('region', { name: 'Items' });
    await items.getByLabel('Items file').setInputFiles({ name: 'kettle.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(itemsJsonl()) });
    // Slow the upload down (≈ 3 s) so the progress bar is there to see.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: 150 * 1024 });
    await items.getByRole('button', { name: 'Import' }).click();
    const bar = items.getByRole('progressbar');
    await bar.waitFor();
    await expect.poll(async () => Number((await bar.getAttribute('value')) ?? 0), { timeout: 15_000, interval: 50 }).toBeGreaterThan(0);
    const midway = Number(await bar.getAttribute('value'));
    await screenshot(page, 'manage-import-progress-1280');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 0, downloadThroughput: -1, uploadThroughput: -1 });
    await items.getByText(`Imported ${ITEMS.toLocaleString('en-US')} items.`).waitFor({ timeout: 30_000 });
    expect(midway).toBeLessThan(100);

    await items.getByLabel('Items file').setInputFiles({ name: 'bad.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(BAD_FILE) });
    await items.getByRole('button', { name: 'Import' }).click();
    const alert = items.getByRole('alert');
    await alert.waitFor();
    const lines = await alert.getByRole('listitem').allInnerTexts();
    // Every error of every record: both questions that read the missing "text" field say so, on both bad lines.
    expect(lines.map((l) => l.slice(0, 8))).toEqual(['line 2: ', 'line 2: ', 'line 5: ', 'line 5: ']);
    expect(lines[0]).toContain('item field "text"');
    expect(await alert.innerText()).toContain('Nothing was imported');
    await expectNoSeriousViolations(page, 'import tab with errors');
    await screenshot(page, 'manage-import-1280');
    const progress = (await page.evaluate(async (id) => (await fetch(`/api/v1/projects/${id}/progress`)).json(), projectId)) as { totalItems: number };
    expect(progress.totalItems).toBe(ITEMS);
  });

  it('an annotator labels three items with the keyboard only, and skips a fourth', async () => {
    const annotator = await journey.openSession({ as: 'annotator1@demo.assay' });
    const ap = annotator.page;
    await ap.goto(`/annotate/${projectId}`);
    for (let i = 0; i < 3; i++) {
      await ap.locator('.ws[data-ready]').waitFor();
      const assignment = await ap.locator('.ws').getAttribute('data-assignment');
      // Question 1 (label) has the keyboard when the task appears.
      await ap.keyboard.press('1');
      // Question 2 (span): the choice moved the keyboard on to its label picker; Tab to the text, select "Acme Kettle"
      // with Shift+→, mark with Enter.
      await expect.poll(() => ap.locator('.question.active').first().innerText()).toContain('Mark every product name.');
      await ap.keyboard.press('Tab');
      const text = await ap.getByRole('textbox', { name: 'Mark every product name.' }).innerText();
      const at = text.indexOf('Acme Kettle');
      await ap.keyboard.press('Home');
      for (let k = 0; k < at; k++) await ap.keyboard.press('ArrowRight');
      for (let k = 0; k < 'Acme Kettle'.length; k++) await ap.keyboard.press('Shift+ArrowRight');
      await ap.keyboard.press('Enter');
      // Question 3 (pairwise): key 2 = "A is better" (points -3…3 on keys 1…7).
      await ap.keyboard.press('Alt+ArrowDown');
      await ap.keyboard.press('2');
      if (i === 0) await screenshot(ap, 'journey-annotator-before-submit-1280');
      await ap.keyboard.press('Control+Enter');
      await expect.poll(() => ap.locator('.ws').getAttribute('data-assignment')).not.toBe(assignment);
    }
    // A fourth: skip it with the keyboard (s, the first reason, Enter).
    await ap.locator('.ws[data-ready]').waitFor();
    await ap.keyboard.press('s');
    await ap.getByRole('dialog').waitFor();
    await ap.keyboard.press('Enter');
    await ap.getByRole('dialog').waitFor({ state: 'hidden' });
    expect(annotator.outside).toEqual([]);
    expect(unexpectedErrors(annotator)).toEqual([]);
    await annotator.context.close();
  });

  it('shows the progress update and the throughput chart', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Overview' }).click();
    const figures = page.getByRole('region', { name: 'Progress' });
    await expect.poll(() => figures.innerText(), { timeout: 10_000 }).toMatch(/Judgments\s+3\s/);
    const chart = page.getByRole('figure', { name: /Judgments and skips per hour/ });
    await chart.locator('.chart-canvas svg').waitFor();
    expect(await chart.innerText()).toContain('3 judgments (gold items included) and 1 skip in the last 48 hours');
    await expectNoSeriousViolations(page, 'overview');
    await screenshot(page, 'manage-overview-1280');
    await page.getByRole('button', { name: 'By day' }).click();
    await page.getByRole('figure', { name: /per day/ }).locator('.chart-canvas svg').waitFor();
  });

  it('downloads the export as JSON Lines and as CSV, holding the three annotations', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Export' }).click();
    const [jsonl] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download JSON Lines' }).click()]);
    const rows = readFileSync(await jsonl.path(), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { answers: Record<string, unknown> });
    expect(rows).toHaveLength(3);
    // The count the tab shows is the rows the file holds.
    const shown = await page.getByText(/ will be in the file\.$/).innerText();
    expect(Number(/^(\d+) annotations? on/.exec(shown)?.[1])).toBe(rows.length);
    // What the keyboard produced: "Positive", the product span at its exact offsets, "A is better".
    for (const row of rows) {
      expect(row.answers).toEqual({ sentiment: 'pos', products: [{ start: 14, end: 25, label: 'product' }], preference: -2 });
    }
    await page.getByLabel('CSV').check();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download CSV' }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    expect(readFileSync(await csv.path(), 'utf8').trim().split('\n')).toHaveLength(4);
    await expectNoSeriousViolations(page, 'export tab');
    await screenshot(page, 'manage-export-1280');
  });

  it('warns in the preview, then shows the refusal, when a new schema does not fit the imported items', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Schema' }).click();
    const preview = page.getByRole('region', { name: 'Live preview' });
    await preview.getByText('the project’s first item').waitFor();
    const label = page.locator('details.question-editor').first();
    await label.getByLabel(/^Item field shown/).fill('headline');
    await preview.getByText(/first item does not fit this schema/).waitFor();
    await page.getByRole('button', { name: 'Publish as version 2' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Not published' });
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/item rev-\d+ does not fit the new schema: .*"headline"/);
    await label.getByLabel(/^Item field shown/).fill('text');
    expect(await page.getByRole('button', { name: 'Publish as version 2' }).isDisabled()).toBe(true);
  });

  it('shows every other tab cleanly', async () => {
    const nav = page.getByRole('navigation', { name: 'Project sections' });
    for (const [tab, ready] of [
      ['Schema', () => page.getByRole('region', { name: 'Live preview' }).getByRole('heading', { name: /overall sentiment/ })],
      ['Guidelines', () => page.getByRole('region', { name: 'Guidelines preview' }).getByRole('heading', { name: 'Kettle reviews' })],
      ['Settings', () => page.getByRole('button', { name: 'Save changes' })],
      ['Results', () => page.locator('main')],
    ] as const) {
      await nav.getByRole('link', { name: tab }).click();
      await ready().first().waitFor();
      await expectNoSeriousViolations(page, `${tab} tab`);
      await screenshot(page, `manage-${tab.toLowerCase()}-1280`);
    }
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });

  it('publishes a new guideline version and pauses the project', async () => {
    await page.getByRole('navigation', { name: 'Project sections' }).getByRole('link', { name: 'Guidelines' }).click();
    await page.getByLabel('Guidelines (Markdown)').fill('# Kettle reviews\n\nVersion two: mark the brand alone too.');
    await page.getByRole('button', { name: 'Publish as version 2' }).click();
    await page.getByRole('button', { name: 'View version 1' }).click();
    await page.getByRole('article', { name: 'Guidelines version 1' }).getByText('would recommend').waitFor();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Resume' }).waitFor();
    expect(await page.locator('.page-header .badge').innerText()).toBe('Paused');
  });

  it('shows the quality dashboard: annotators, agreement over time and items by confidence', async () => {
    const nav = page.getByRole('navigation', { name: 'Project sections' });
    // The new project: one annotator, no gold yet, so each card says what it is waiting for.
    await nav.getByRole('link', { name: 'Quality' }).click();
    await page.getByText('No annotator has answered a gold item yet.', { exact: false }).waitFor();
    await page.getByText(/No alpha yet from 3 annotations/).waitFor();
    await page.getByRole('figure', { name: 'Items per confidence range' }).locator('.chart-canvas svg').waitFor();
    await expectNoSeriousViolations(page, 'quality tab, new project');

    // The demo project, labelled by the three demo annotators through the API with different care, hidden gold included.
    const manager = await journey.apiAs('manager@demo.assay');
    const projects = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/projects?limit=100');
    const demo = projects.json.items.find((p) => p.name.startsWith('Product reviews'))!;
    const SENTIMENTS = ['positive', 'neutral', 'negative'];
    for (const [a, careless] of [[1, 0], [2, 3], [3, 2]] as const) {
      const annotator = await journey.apiAs(`annotator${a}@demo.assay`);
      for (let n = 0; ; n++) {
        const t = await annotator.call<{ assignmentId: string; item: { data: { review: string } } }>('POST', `/api/v1/projects/${demo.id}/tasks/next`);
        if (t.status !== 200) break;
        // A fixed "truth" per review; the careless answer something else every few items.
        const truth = [...t.json.item.data.review].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 9973, 7) % 3;
        const pick = careless > 0 && n % careless === 0 ? (truth + 1) % 3 : truth;
        const s = await annotator.call('POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, {
          answers: { sentiment: SENTIMENTS[pick], preference: pick - 1 },
          timeSpentMs: 4000,
        });
        expect(s.status, JSON.stringify(s.json)).toBe(201);
      }
    }
    await page.goto(`/manage/projects/${demo.id}/quality`);
    const annotators = page.getByRole('region', { name: 'Annotators' });
    await annotators.getByRole('table').or(annotators.getByText(/No annotator has answered/)).waitFor();
    await page.getByText(/Krippendorff's alpha -?\d\.\d\d/).waitFor();
    await page.getByRole('figure', { name: 'Alpha by day, cumulative' }).locator('.chart-canvas svg').waitFor();
    const bins = page.getByRole('navigation', { name: 'Open a confidence range in Results' });
    await bins.getByRole('link').first().waitFor();
    await expectNoSeriousViolations(page, 'quality tab');
    await screenshot(page, 'manage-quality-1280');

    // A histogram bin opens Results filtered to that range.
    await bins.getByRole('link').first().click();
    await page.waitForURL(/\/results\?question=sentiment&min=\d+&max=\d+/);
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });
});

/**
 * Importing items as a manager meets it, at 1366×850 against a real `assay serve`: download the template for the
 * project's schema, check a file with errors (a line that is not JSON, a missing field, an id repeated) and see
 * every one listed by its line with nothing written, fix it, check again (ready), and import. Screenshots of each
 * state; axe on each.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type ApiCaller, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const VIEWPORT = { width: 1366, height: 850 };

/** A review's sentiment and a preference between two replies: the template must carry all four fields. */
const SCHEMA = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'What is the overall sentiment?',
      field: 'review',
      options: [
        { value: 'positive', label: 'Positive' },
        { value: 'negative', label: 'Negative' },
      ],
    },
    { id: 'preference', type: 'pairwise', prompt: 'Which reply is better?', promptField: 'prompt', left: 'reply_a', right: 'reply_b' },
  ],
};

describe.skipIf(!inject('chromium'))('importing items in the browser', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let managerApi: ApiCaller;
  let projectId = '';
  let template: { id: string; data: Record<string, unknown>; gold?: unknown }[] = [];

  const totalItems = async () => (await managerApi.call<{ totalItems: number }>('GET', `/api/v1/projects/${projectId}/progress`)).json.totalItems;

  beforeAll(async () => {
    journey = await startJourney({ name: 'import' });
    session = await journey.openSession({ as: 'manager@demo.assay', viewport: VIEWPORT });
    page = session.page;
    managerApi = await journey.apiAs('manager@demo.assay');
    const created = await managerApi.call<{ id: string }>('POST', '/api/v1/projects', { name: 'Reply preferences', overlapK: 2, schema: SCHEMA, guidelines: '# Replies' });
    expect(created.status).toBe(201);
    projectId = created.json.id;
  }, 180_000);
  afterAll(async () => {
    if (session) expect(unexpectedErrors(session)).toEqual([]);
    await journey?.close();
  });

  it('downloads a template that holds the fields the schema reads and a gold answer', async () => {
    await page.goto(`/manage/projects/${projectId}/import`);
    const items = page.getByRole('region', { name: 'Items' });
    await items.getByRole('button', { name: 'Check file' }).waitFor();
    await expectNoSeriousViolations(page, 'import tab');
    await screenshot(page, 'import-tab-1366');
    const [download] = await Promise.all([page.waitForEvent('download'), items.getByRole('link', { name: 'Download template (JSONL)' }).click()]);
    expect(download.suggestedFilename()).toBe('reply-preferences-items-template.jsonl');
    template = readFileSync((await download.path())!, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(template.map((r) => Object.keys(r.data).sort())).toEqual([
      ['prompt', 'reply_a', 'reply_b', 'review', 'source'],
      ['prompt', 'reply_a', 'reply_b', 'review', 'source'],
    ]);
    expect(template[0]!.gold).toEqual({ sentiment: 'positive', preference: -1 });
    const [csv] = await Promise.all([page.waitForEvent('download'), items.getByRole('link', { name: 'Download template (CSV)' }).click()]);
    expect(readFileSync((await csv.path())!, 'utf8').split('\n')[0]).toBe('id,priority,review,prompt,reply_a,reply_b,source,gold:json,gold_explanation');
  });

  it('checks a file with errors: every one listed with its line, nothing written', async () => {
    const row = (id: string) => JSON.stringify({ ...template[1]!, id });
    const lines = [
      JSON.stringify(template[0]),
      row('r-2'),
      '{"id": "r-3", "data": {"review": "Great kettle", "prompt": "p"',
      row('r-4'),
      row('r-5'),
      row('r-6'),
      JSON.stringify({ id: 'r-7', data: { ...template[1]!.data, review: undefined } }),
      row('r-2'),
    ];
    const items = page.getByRole('region', { name: 'Items' });
    await items.getByLabel('Items file').setInputFiles({ name: 'replies.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines.join('\n')) });
    await items.getByRole('button', { name: 'Check file' }).click();
    const alert = items.getByRole('alert');
    await alert.waitFor();
    expect(await alert.locator('strong').innerText()).toBe('Checked replies.jsonl, nothing written: 3 errors need fixing (1 repeated or existing id).');
    const listed = await alert.getByRole('listitem').allInnerTexts();
    expect(listed.map((l) => l.slice(0, 8))).toEqual(['line 3, ', 'line 7: ', 'line 8: ']);
    expect(listed[0]).toContain('not valid JSON');
    expect(listed[1]).toContain('item field "review"');
    expect(listed[2]).toContain('repeats line 2');
    expect(await totalItems()).toBe(0);
    await expectNoSeriousViolations(page, 'import check with errors');
    await screenshot(page, 'import-check-errors-1366');
  });

  it('checks the fixed file (ready), then imports it', async () => {
    const fixed = [JSON.stringify(template[0]), ...['r-2', 'r-3', 'r-4'].map((id) => JSON.stringify({ ...template[1]!, id }))];
    const items = page.getByRole('region', { name: 'Items' });
    await items.getByLabel('Items file').setInputFiles({ name: 'replies-fixed.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(fixed.join('\n')) });
    await items.getByRole('button', { name: 'Check file' }).click();
    await items.getByText('✓ replies-fixed.jsonl is ready: importing it adds 4 items, 1 with a gold answer. Nothing was written yet.').waitFor();
    expect(await items.getByRole('alert').count()).toBe(0);
    expect(await totalItems()).toBe(0);
    await expectNoSeriousViolations(page, 'import check ready');
    await screenshot(page, 'import-check-ready-1366');

    await items.getByRole('button', { name: 'Import' }).click();
    await items.getByText('Imported 4 items with 1 gold answer.').waitFor();
    expect(await totalItems()).toBe(3);
    await expectNoSeriousViolations(page, 'import done');
    await screenshot(page, 'import-done-1366');
  });
});

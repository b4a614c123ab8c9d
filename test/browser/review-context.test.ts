/**
 * The reviewer's context in a real browser against a real `assay serve`, at 1366×850, on data this journey makes
 * through the API (its own project, not the demo's history): three demo annotators label one plain item and one
 * gold item; the demo reviewer sees the landing's count per project, "N left" in the queue after every verdict, the
 * other annotators' answers by pseudonym with free text rendered as Markdown, the aggregate with its confidence, basis
 * and n, the keyboard in the correction editor in correct mode and back on Correct after Esc, and (only once the
 * manager lets reviewers see gold) a gold item's gold answer. Screenshots of each screen; axe on each.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type ApiCaller, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const VIEWPORT = { width: 1366, height: 850 };
const GOLD_EXPLANATION = 'The reply **mocks** the product: sarcasm counts as negative.';

const SCHEMA = {
  questions: [
    {
      id: 'sentiment',
      type: 'label',
      prompt: 'Sentiment of the review?',
      field: 'text',
      options: [
        { value: 'pos', label: 'Positive' },
        { value: 'neu', label: 'Neutral' },
        { value: 'neg', label: 'Negative' },
      ],
    },
    { id: 'why', type: 'text', prompt: 'Why?', required: false },
  ],
};

describe.skipIf(!inject('chromium'))("the reviewer's context in the browser", () => {
  let journey: Journey;
  let reviewer: Session;
  let managerApi: ApiCaller;
  let projectId = '';
  const NAME = 'Context check: store reviews';

  const left = async () => (await reviewer.page.locator('.review-left').innerText()).trim();
  /** Where the keyboard is: inside the element labelled so, an attribute of the focused element, its text. */
  const focusIn = (label: string) => reviewer.page.evaluate<boolean>(`document.activeElement?.closest('[aria-label="${label}"]') !== null`);
  const focusedAttr = (name: string) => reviewer.page.evaluate<string | null>(`document.activeElement?.getAttribute('${name}') ?? null`);
  const focusedText = () => reviewer.page.evaluate<string>(`document.activeElement?.textContent ?? ''`);

  beforeAll(async () => {
    journey = await startJourney({ name: 'review-context' });
    managerApi = await journey.apiAs('manager@demo.assay');
    const created = await managerApi.call<{ id: string }>('POST', '/api/v1/projects', {
      name: NAME,
      schema: SCHEMA,
      overlapK: 3,
      goldRate: 1,
      qualityGate: { enabled: false },
      guidelines: '# Store reviews\nSarcasm counts as **negative**.',
    });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    projectId = created.json.id;
    const items = [
      { id: 'plain-1', data: { text: 'Five stars, the kettle boils in a minute.' } },
      { id: 'plain-2', data: { text: 'It broke on day two.' } },
      { id: 'gold-1', data: { text: 'Oh great, another kettle that leaks. Love it.' }, gold: { sentiment: 'neg' }, gold_explanation: GOLD_EXPLANATION },
    ];
    const res = await fetch(`${journey.server.url}/api/v1/projects/${projectId}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', cookie: managerApi.cookie },
      body: items.map((i) => JSON.stringify(i)).join('\n') + '\n',
    });
    expect(res.status, await res.clone().text()).toBe(201);

    // Each annotator: the gold item first (rate 1, while normal work remains), then the first plain item.
    const answers: Record<string, { sentiment: string; why: string }> = {
      'annotator1@demo.assay': { sentiment: 'pos', why: 'It says **five stars**.' },
      'annotator2@demo.assay': { sentiment: 'pos', why: 'Praise: *boils in a minute*.' },
      'annotator3@demo.assay': { sentiment: 'neu', why: 'Just a fact.\n\n- boils\n- a minute' },
    };
    for (const [email, answer] of Object.entries(answers)) {
      const { call } = await journey.apiAs(email);
      for (let i = 0; i < 2; i++) {
        const next = await call<{ assignmentId: string }>('POST', `/api/v1/projects/${projectId}/tasks/next`, {});
        expect(next.status, `${email}: ${JSON.stringify(next.json)}`).toBe(200);
        const submit = await call('POST', `/api/v1/tasks/${next.json.assignmentId}/submit`, { answers: answer, timeSpentMs: 4000 });
        expect(submit.status, JSON.stringify(submit.json)).toBe(201);
      }
    }
    const policy = await managerApi.call('PUT', `/api/v1/projects/${projectId}/review-policy`, { sampleRate: 1, gold: false });
    expect(policy.status, JSON.stringify(policy.json)).toBe(200);
    reviewer = await journey.openSession({ as: 'reviewer@demo.assay', viewport: VIEWPORT });
  });
  afterAll(() => journey?.close());

  it('the landing lists per project how many are left for the reviewer', async () => {
    const page = reviewer.page;
    await page.goto('/review');
    const table = page.getByRole('table', { name: 'Review queues by project' });
    // Gold stays out while the policy keeps it from reviewers: the plain item's three annotations.
    await table.getByRole('link', { name: `${NAME}: 3 left` }).waitFor();
    const row = table.getByRole('row').filter({ has: page.getByRole('link', { name: new RegExp(NAME) }) });
    expect(await row.getByRole('cell').first().innerText()).toBe('3');
    await expectNoSeriousViolations(page, 'review landing');
    await screenshot(page, 'review-context-landing-1366');
  });

  it("the queue says how many are left and shows, beside the annotation, the others' answers and the aggregate", async () => {
    const page = reviewer.page;
    await page.getByRole('link', { name: `${NAME}: 3 left` }).click();
    await page.waitForURL(`**/review/${projectId}`);
    const main = page.getByRole('region', { name: 'Annotation under review' });
    // The first review computes the project's aggregate: give a loaded machine time.
    await main.getByRole('radio', { name: /Positive/ }).waitFor({ timeout: 60_000 });
    expect(await left()).toBe('3 left');
    const beside = page.getByRole('region', { name: 'Beside it' });
    const sentiment = beside.getByRole('region', { name: 'Context for Sentiment of the review?' });
    const others = sentiment.getByRole('list', { name: 'Other answers to Sentiment of the review?' }).getByRole('listitem');
    expect(await others.count()).toBe(2);
    expect(await others.allInnerTexts()).toEqual([expect.stringMatching(/Positive/), expect.stringMatching(/Neutral/)]);
    // Pseudonyms, never names.
    expect(await beside.innerText()).not.toMatch(/Annotator|@demo\.assay/);
    // The aggregate: answer, confidence as a meter, its basis in words and n.
    await sentiment.getByRole('meter', { name: 'Aggregate confidence for Sentiment of the review?' }).waitFor();
    expect(await sentiment.innerText()).toMatch(/n = 3 judgments/);
    expect(await sentiment.innerText()).toMatch(/model-based, not calibrated|calibrated on \d+ gold items?/);
    // Free text rendered: the others' Markdown and the annotation's own.
    const why = beside.getByRole('region', { name: 'Context for Why?' });
    await why.locator('em', { hasText: 'boils in a minute' }).waitFor();
    await why.locator('.review-answer-md li', { hasText: /^boils$/ }).waitFor();
    await page.getByRole('region', { name: 'Free-text answers, rendered' }).locator('strong', { hasText: 'five stars' }).waitFor();
    // Not gold, and gold not allowed anyway: no gold answer anywhere.
    expect(await page.getByText('Gold answer').count()).toBe(0);
    await expectNoSeriousViolations(page, 'review queue with context');
    await page.screenshot({ path: `${await screenshot(page, 'review-context-queue-1366')}`.replace('.png', '-viewport.png'), fullPage: false });
  });

  it('correct mode puts the keyboard in the editor; Esc brings it back to Correct; a verdict moves it to the next annotation', async () => {
    const page = reviewer.page;
    await page.keyboard.press('c');
    const form = page.getByRole('group', { name: 'Your correction' });
    await form.waitFor();
    await expect.poll(() => focusIn('Your correction')).toBe(true);
    expect(await focusedAttr('role')).toBe('radio');
    expect(await focusedText()).toMatch(/Positive/);
    await expectNoSeriousViolations(page, 'correction mode');
    await screenshot(page, 'review-context-correcting-1366');
    await page.keyboard.press('Escape');
    await expect.poll(focusedText).toMatch(/^Correct/);
    // Accept: the next one arrives with the count down and the keyboard on it.
    await page.keyboard.press('a');
    await page.getByText('Accepted. Here is the next annotation.').waitFor();
    await expect.poll(left).toBe('2 left');
    await expect.poll(() => focusedAttr('aria-label')).toBe('Annotation under review');
    await page.keyboard.press('c');
    await expect.poll(() => focusIn('Your correction')).toBe(true);
    await page.keyboard.press('3');
    await page.keyboard.press('Control+Enter');
    await page.getByText('Correction saved. Here is the next annotation.').waitFor();
    await expect.poll(left).toBe('1 left');
    // The correction now shows beside the next annotation, as a reviewer's.
    await page.getByRole('region', { name: 'Beside it' }).getByText("(a reviewer's correction)").first().waitFor();
  });

  it('a gold item shows its gold answer once the manager lets reviewers see gold', async () => {
    const page = reviewer.page;
    const on = await managerApi.call('PUT', `/api/v1/projects/${projectId}/review-policy`, { gold: true });
    expect(on.status).toBe(200);
    await page.goto('/review');
    // The one held, and the gold item's three annotations.
    await page.getByRole('link', { name: `${NAME}: 4 left` }).waitFor();
    await screenshot(page, 'review-context-landing-gold-1366');
    await page.getByRole('link', { name: `${NAME}: 4 left` }).click();
    const main = page.getByRole('region', { name: 'Annotation under review' });
    await main.getByRole('radio', { name: /Positive/ }).first().waitFor();
    // Accept what comes until the gold item does (the held plain one first).
    for (let i = 0; i < 4 && (await page.getByText('Gold answer').count()) === 0; i++) {
      const before = await left();
      await page.keyboard.press('a');
      await expect.poll(left).not.toBe(before);
    }
    const beside = page.getByRole('region', { name: 'Beside it' });
    const gold = beside.locator('.review-gold');
    await gold.waitFor();
    expect(await gold.innerText()).toMatch(/Gold answer\s*Negative/i);
    await beside.locator('strong', { hasText: 'mocks' }).waitFor();
    expect(await beside.innerText()).toMatch(/A gold item: its gold answer is shown\./);
    await expectNoSeriousViolations(page, 'review queue, gold item');
    await screenshot(page, 'review-context-gold-1366');
    expect(unexpectedErrors(reviewer)).toEqual([]);
    expect(reviewer.outside).toEqual([]);
  });
});

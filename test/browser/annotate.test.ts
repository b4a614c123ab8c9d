/**
 * The annotator's day in a real browser against a real `assay serve` on a fresh SQLite file: sign in, label demo
 * items with the keyboard alone (number keys, each pick moving on to the next question, Ctrl+Enter), skip one with a reason, open the shortcut help,
 * see their own progress on the start page, and reach "nothing to do". The API then shows what the browser sent:
 * active time and client signals with every annotation. No request leaves the server under test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type ApiCaller, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

const EMAIL = 'annotator1@demo.assay';

/** The page's document as the evaluated callbacks use it (the test code is compiled without DOM types). */
interface PageElement {
  getAttribute(name: string): string | null;
  textContent: string | null;
}
declare const document: {
  activeElement: PageElement | null;
  documentElement: { scrollWidth: number };
  querySelector(selector: string): PageElement | null;
};

/** The review text of the task on screen: it changes when the next task appears. */
const reviewText = (page: Page) => page.locator('.question').first().locator('.item-text').innerText();

describe.skipIf(!inject('chromium'))('the annotator workspace in the browser', () => {
  let journey: Journey;
  let session: Session;
  /** The annotator's own API session, apart from the browser's. */
  let annotator: ApiCaller;
  let projectId: string;

  beforeAll(async () => {
    journey = await startJourney({ name: 'annotate', as: EMAIL });
    session = journey.session;
    annotator = await journey.apiAs(EMAIL);
  });
  afterAll(() => journey?.close());

  it('labels three items with the keyboard alone and sends active time and client signals with each', async () => {
    const { page } = session;
    await page.waitForURL('**/annotate');
    const card = page.getByRole('listitem').filter({ hasText: 'Product reviews' });
    await card.getByText('Your judgments').waitFor();
    await screenshot(page, 'annotate-home-fresh');
    await card.getByRole('link', { name: /Start labeling/ }).click();
    await page.waitForURL('**/annotate/*');
    projectId = new URL(page.url()).pathname.split('/').pop()!;

    // Focus lands on the first question when the task appears.
    const sentiment = page.getByRole('radiogroup', { name: /overall sentiment/ });
    await sentiment.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('radio');
    await expectNoSeriousViolations(page, 'workspace');

    for (let n = 0; n < 3; n++) {
      const before = await reviewText(page);
      await page.waitForTimeout(400); // reading the item: active time accrues
      const preference = page.getByRole('radiogroup', { name: /Which reply answers the prompt better/ });
      if (n === 0) {
        // Undo takes back an answer (and the keyboard back to its question); submitting with a required answer
        // missing says what to do on that question, in the annotator's words.
        await page.keyboard.press('3');
        await expect.poll(() => sentiment.getByRole('radio', { checked: true }).count()).toBe(1);
        await page.keyboard.press('Control+z');
        await expect.poll(() => sentiment.getByRole('radio', { checked: true }).count()).toBe(0);
        await page.keyboard.press('1');
        await expect.poll(() => sentiment.getByRole('radio', { checked: true }).count()).toBe(1);
        await page.keyboard.press('Control+Enter');
        const error = page.locator('section.question[data-question="preference"]').getByRole('alert');
        await expect.poll(() => error.innerText()).toBe('Choose which reply answers the prompt better.');
        await screenshot(page, 'annotate-validation-error');
        // The keyboard moved to the question with the error.
        await expect.poll(() => page.evaluate(() => document.querySelector('.question.active')?.getAttribute('data-question'))).toBe('preference');
      } else {
        // A pick moves the keyboard on to the preference by itself (no Alt+↓).
        await page.keyboard.press(String(1 + (n % 3))); // sentiment: positive, neutral, negative
        await expect.poll(() => sentiment.getByRole('radio', { checked: true }).count()).toBe(1);
      }
      await page.keyboard.press(String(2 + n)); // the preference scale: 1–7 left to right
      await expect.poll(() => preference.getByRole('radio', { checked: true }).count()).toBe(1);
      if (n === 0) {
        await expect.poll(() => page.locator('section.question[data-question="preference"]').getByRole('alert').count()).toBe(0);
        await screenshot(page, 'annotate-workspace-1280');
      }
      const submitted = page.waitForResponse((r) => r.url().includes('/submit?next=true') && r.request().method() === 'POST');
      await page.keyboard.press('Control+Enter');
      expect((await submitted).status()).toBe(201);
      await expect.poll(() => reviewText(page)).not.toBe(before);
      await expect.poll(() => sentiment.getByRole('radio', { checked: true }).count()).toBe(0);
    }

    const mine = await annotator.call<{ items: Record<string, unknown>[] }>('GET', `/api/v1/projects/${projectId}/annotations`);
    expect(mine.status).toBe(200);
    const annotations = mine.json.items;
    expect(annotations).toHaveLength(3);
    expect(annotations.map((a) => (a.answers as Record<string, unknown>).sentiment).sort()).toEqual(['negative', 'neutral', 'positive']);
    expect(annotations.map((a) => (a.answers as Record<string, number>).preference!).sort((x, y) => x - y)).toEqual([-2, -1, 0]);
    for (const a of annotations) {
      expect(a.timeSpentMs).toBeGreaterThan(0);
      const signals = a.clientSignals as Record<string, number>;
      expect(signals).toEqual({ activeMs: a.timeSpentMs, pastes: 0, pastedChars: 0, focusLosses: 0, keystrokes: expect.any(Number) });
      expect(signals.keystrokes).toBeGreaterThanOrEqual(3);
    }
  });

  it('opens the shortcut help with ? listing the active question’s keys, and Esc gives the focus back', async () => {
    const { page } = session;
    const focusedBefore = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    const text = await help.innerText();
    expect(text).toContain('Ctrl+Enter');
    expect(text).toContain('Alt+↓');
    expect(text).toContain('This question: What is the overall sentiment of this review?');
    expect(text).toContain('1–3');
    await expectNoSeriousViolations(page, 'help overlay');
    await screenshot(page, 'annotate-help-overlay');
    await page.keyboard.press('Escape');
    await expect.poll(() => help.isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(focusedBefore);
  });

  it('skips a task with a reason from the keyboard, and the next one appears', async () => {
    const { page } = session;
    const before = await reviewText(page);
    await page.keyboard.press('s');
    const dialog = page.getByRole('dialog', { name: 'Skip this task' });
    await dialog.waitFor();
    await page.keyboard.press('2');
    expect(await dialog.getByRole('radio', { name: /lack the expertise/ }).isChecked()).toBe(true);
    const skipped = page.waitForResponse((r) => r.url().includes('/skip?next=true'));
    await page.keyboard.press('Enter');
    expect((await skipped).status()).toBe(200);
    await expect.poll(() => reviewText(page)).not.toBe(before);
    expect(await dialog.isVisible()).toBe(false);
    const progress = await annotator.call('GET', `/api/v1/projects/${projectId}/my-progress`);
    expect(progress.json).toMatchObject({ mine: { judgments: 3, skips: 1 } });
  });

  it('fits a narrow window, with the guidelines as a drawer that g opens and Esc closes', async () => {
    const narrow = await journey.openSession({ as: EMAIL, viewport: { width: 820, height: 900 } });
    try {
      await narrow.page.goto(`/annotate/${projectId}`);
      await narrow.page.getByRole('radiogroup', { name: /overall sentiment/ }).waitFor();
      const width = await narrow.page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(820);
      await screenshot(narrow.page, 'annotate-workspace-820');
      await narrow.page.keyboard.press('g');
      const drawer = narrow.page.getByRole('dialog', { name: /Guidelines/ });
      await drawer.waitFor();
      expect(await drawer.innerText()).toContain('version 1');
      await screenshot(narrow.page, 'annotate-guidelines-drawer-820');
      await narrow.page.keyboard.press('Escape');
      await expect.poll(() => drawer.isVisible()).toBe(false);
      expect(narrow.outside).toEqual([]);
      expect(unexpectedErrors(narrow)).toEqual([]);
    } finally {
      await narrow.context.close();
    }
  });

  it('says why there is nothing to do, and the start page shows the annotator’s own progress', async () => {
    const { page } = session;
    // Skip everything else through the API, so the browser's next claim finds nothing for this annotator.
    for (;;) {
      const next = await annotator.call('POST', `/api/v1/projects/${projectId}/tasks/next`, {});
      if (next.status === 409) break;
      expect((await annotator.call('POST', `/api/v1/tasks/${next.json.assignmentId as string}/skip`, { reason: 'Clearing the queue in a test' })).status).toBe(200);
    }
    await page.reload();
    const heading = page.getByRole('heading', { name: 'Nothing for you right now' });
    await heading.waitFor();
    expect(await page.getByRole('button', { name: 'Check again' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await expectNoSeriousViolations(page, 'no-task screen');
    await screenshot(page, 'annotate-no-task');
    await page.getByRole('button', { name: 'Check again' }).press('Enter');
    await heading.waitFor();

    await page.getByRole('link', { name: 'Back to your projects' }).click();
    const card = page.getByRole('listitem').filter({ hasText: 'Product reviews' });
    await card.getByText('Nothing left for you right now').waitFor();
    const figures = await card.locator('.home-mine').innerText();
    expect(figures).toMatch(/Your judgments\s+3/);
    expect(figures).toMatch(/Left for you\s+0/);
    await expectNoSeriousViolations(page, 'annotator start page');
    await screenshot(page, 'annotate-home-after');

    expect(session.outside).toEqual([]);
    expect(unexpectedErrors(session)).toEqual([]);
  });
});

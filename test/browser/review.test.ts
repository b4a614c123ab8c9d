/**
 * The review loop in a real browser against a real `assay serve`, on a project of its own (the demo project's schema,
 * guidelines and eight of its items, none of its history): the demo manager sets a review policy (each annotator's
 * first 2 annotations) through the API; two demo annotators submit through the API, and so does the
 * admin, who then reviews in the browser (only an admin may both label and review, so the admin plays the reviewer
 * who also labelled an item). The reviewer accepts one annotation with the keyboard, rejects one with a reason,
 * corrects one, accepts the last, and never meets their own annotation, which the demo reviewer is then handed. The
 * manager flags an item in Results and sees the tally on the Quality tab. Screenshots of every screen; axe on each.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type ApiCaller, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

interface Review {
  id: string;
  annotationId: string;
  annotatorId: string;
  reviewerId?: string;
  outcome: string | null;
  reason: string | null;
  status: string;
}

describe.skipIf(!inject('chromium'))('the review loop in the browser', () => {
  let journey: Journey;
  let manager: Session;
  let reviewer: Session;
  let managerApi: ApiCaller;
  let adminApi: ApiCaller;
  let projectId = '';
  let adminId = '';
  const PROJECT = 'Product reviews, second pass';
  /** Annotation ids by who made them, in submit order. */
  const made: Record<string, string[]> = {};

  beforeAll(async () => {
    journey = await startJourney({ name: 'review', as: 'manager@demo.assay' });
    manager = journey.session;
    managerApi = await journey.apiAs('manager@demo.assay');
    adminApi = await journey.apiAs('admin@demo.assay');
    adminId = (await adminApi.call<{ id: string }>('GET', '/api/v1/me')).json.id;
    // The demo's schema, guidelines and eight of its items, in a project whose only history is this journey's.
    const projects = await managerApi.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/projects');
    const demo = projects.json.items.find((p) => p.name.startsWith('Product reviews'))!.id;
    const schema = (await managerApi.call<{ schema: unknown }>('GET', `/api/v1/projects/${demo}/schema`)).json.schema;
    const guidelines = (await managerApi.call<{ markdown: string }>('GET', `/api/v1/projects/${demo}/guidelines`)).json.markdown;
    const listed = await managerApi.call<{ items: { id: string }[] }>('GET', `/api/v1/projects/${demo}/items?gold=false&limit=8`);
    const items = await Promise.all(
      listed.json.items.map(async (i, n) => ({ id: `copy-${n}`, data: (await managerApi.call<{ data: unknown }>('GET', `/api/v1/projects/${demo}/items/${i.id}`)).json.data })),
    );
    expect(items).toHaveLength(8);
    // No hidden gold (its draw is random): every task is an ordinary item.
    const created = await managerApi.call<{ id: string }>('POST', '/api/v1/projects', { name: PROJECT, schema, guidelines, overlapK: 1, goldRate: 0 });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    projectId = created.json.id;
    const imported = await fetch(`${journey.server.url}/api/v1/projects/${projectId}/items`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson', cookie: managerApi.cookie },
      body: items.map((i) => JSON.stringify(i)).join('\n') + '\n',
    });
    expect(imported.status, await imported.clone().text()).toBe(201);
  });
  afterAll(() => journey?.close());

  it('the manager sets the review policy: each annotator’s first 2 annotations', async () => {
    // Through the API: the Settings tab's own journey covers its form.
    expect((await managerApi.call('PUT', `/api/v1/projects/${projectId}/review-policy`, { firstN: 2 })).status).toBe(200);
    const policy = await managerApi.call<{ firstN: number; sampleRate: number; flagged: boolean; lowConfidence: number | null }>(
      'GET',
      `/api/v1/projects/${projectId}/review-policy`,
    );
    expect(policy.json).toMatchObject({ firstN: 2, sampleRate: 0, flagged: false, lowConfidence: null });
  });

  it('two annotators and the admin submit through the API', async () => {
    const label = async (email: string, count: number) => {
      const { call } = await journey.apiAs(email);
      made[email] = [];
      for (let i = 0; i < count; i++) {
        const next = await call<{ assignmentId: string }>('POST', `/api/v1/projects/${projectId}/tasks/next`, {});
        expect(next.status, JSON.stringify(next.json)).toBe(200);
        const submit = await call<{ id: string }>('POST', `/api/v1/tasks/${next.json.assignmentId}/submit`, {
          answers: { sentiment: 'positive', preference: 1, rationale: `Reply B answers the question (${email}, ${i + 1}).` },
          timeSpentMs: 5000,
        });
        expect(submit.status, JSON.stringify(submit.json)).toBe(201);
        made[email]!.push(submit.json.id);
      }
    };
    await label('annotator1@demo.assay', 3);
    await label('annotator2@demo.assay', 3);
    await label('admin@demo.assay', 1);
  });

  it('the reviewer opens the queue: the item, the answers and the guidelines they were made under', async () => {
    reviewer = await journey.openSession({ as: 'admin@demo.assay' });
    const page = reviewer.page;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review' }).click();
    await page.getByRole('heading', { name: 'Review', level: 1 }).waitFor();
    // The landing counts what is left here: each annotator's first two, but not the admin's own.
    await page.getByRole('link', { name: `${PROJECT}: 4 left` }).click();
    await page.waitForURL(`**/review/${projectId}`);
    await page.getByText('4 left').waitFor();
    const main = page.getByRole('region', { name: 'Annotation under review' });
    await main.getByRole('radiogroup', { name: /overall sentiment/ }).waitFor();
    expect(await main.getByRole('radio', { name: /Positive/ }).getAttribute('aria-checked')).toBe('true');
    expect(await main.textContent()).toMatch(/one of the annotator's first/);
    expect(await main.locator('.item-text').first().innerText()).not.toBe('');
    const guidelines = page.getByRole('complementary', { name: 'Guidelines version 1' });
    await guidelines.getByRole('heading', { name: /Product reviews and assistant replies/ }).waitFor();
    expect(await guidelines.innerText()).toContain('The version the annotator worked under, and the one in force.');
    await expectNoSeriousViolations(page, 'review queue');
    await screenshot(page, 'review-queue-1280');
  });

  it('accepts with A, rejects with R and a reason, and shows the keys with ?', async () => {
    const page = reviewer.page;
    const said = page.locator('.review-said');
    await page.keyboard.press('a');
    await expect.poll(() => said.innerText()).toBe('Accepted. Here is the next annotation.');

    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: 'Reject this annotation' });
    await dialog.getByRole('textbox', { name: /Reason/ }).waitFor();
    await page.keyboard.type('The review praises the delivery, not the product: neutral at best.');
    await expectNoSeriousViolations(page, 'reject dialog');
    await screenshot(page, 'review-reject-1280');
    await page.keyboard.press('Enter');
    await expect.poll(() => said.innerText()).toBe('Rejected, with your reason. Here is the next annotation.');

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByRole('table', { name: 'Review' }).waitFor();
    expect(await help.getByRole('table', { name: 'Correcting' }).innerText()).toContain('Next question');
    await expectNoSeriousViolations(page, 'review shortcuts');
    await screenshot(page, 'review-help-1280');
    await page.keyboard.press('Escape');
    // The browser hides the dialog at once; the queue's keys come back once React has unmounted its content.
    await help.getByRole('table', { name: 'Review' }).waitFor({ state: 'detached' });
  });

  it('corrects one with C: the active question’s keys change the answer, Ctrl+Enter saves it', async () => {
    const page = reviewer.page;
    // The queue is ready for its keys: no dialog open, the annotation under review shown with its schema.
    await expect.poll(() => page.locator('dialog[open]').count()).toBe(0);
    await page.getByRole('group', { name: 'The annotator\'s answers' }).waitFor();
    await page.keyboard.press('c');
    const correction = page.getByRole('group', { name: 'Your correction' });
    await correction.waitFor();
    await page.keyboard.press('3');
    expect(await correction.getByRole('radio', { name: /Negative/ }).getAttribute('aria-checked')).toBe('true');
    await expectNoSeriousViolations(page, 'review correction');
    await screenshot(page, 'review-correct-1280');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => page.locator('.review-said').innerText()).toBe('Correction saved. Here is the next annotation.');
  });

  it('accepts the last one and never meets their own annotation, which another reviewer is handed', async () => {
    const page = reviewer.page;
    await page.keyboard.press('a');
    await expect.poll(() => page.locator('.review-said').innerText()).toBe('Accepted. The queue is empty.');
    await page.getByText(/Nothing to review right now/).waitFor();
    await expectNoSeriousViolations(page, 'empty review queue');
    await screenshot(page, 'review-queue-empty-1280');

    const reviews = await adminApi.call<{ items: Review[] }>('GET', `/api/v1/projects/${projectId}/reviews?reviewerId=${adminId}&limit=100`);
    const mine = reviews.json.items;
    expect(mine.map((r) => r.annotationId).sort()).toEqual(
      [...made['annotator1@demo.assay']!.slice(0, 2), ...made['annotator2@demo.assay']!.slice(0, 2)].sort(),
    );
    expect(mine.some((r) => r.annotatorId === adminId)).toBe(false);
    expect(mine.map((r) => r.outcome).sort()).toEqual(['accept', 'accept', 'correct', 'reject']);
    expect(mine.find((r) => r.outcome === 'reject')!.reason).toBe('The review praises the delivery, not the product: neutral at best.');

    // The policy does select the admin's own first annotation: the demo reviewer is handed it and accepts it.
    const rita = await journey.apiAs('reviewer@demo.assay');
    const theirs = await rita.call<Review>('POST', `/api/v1/projects/${projectId}/reviews/next`, {});
    expect(theirs.status).toBe(200);
    expect(theirs.json.annotationId).toBe(made['admin@demo.assay']![0]);
    expect((await rita.call('POST', `/api/v1/reviews/${theirs.json.id}/accept`, {})).status).toBe(200);
    expect(unexpectedErrors(reviewer)).toEqual([]);
    expect(reviewer.outside).toEqual([]);
  });

  it('the manager flags an item for review in Results', async () => {
    const page: Page = manager.page;
    await page.goto(`/manage/projects/${projectId}/results?gold=false`);
    const list = page.getByRole('list', { name: 'Items' });
    await list.locator('.results-item').first().click();
    const detail = page.getByRole('article');
    await detail.getByRole('heading', { level: 2 }).waitFor();
    await detail.getByRole('button', { name: 'Flag for review' }).click();
    await page.keyboard.type('The review is in German; the guidelines do not say what to do.');
    await expectNoSeriousViolations(page, 'flag form');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await detail.getByText('Flagged for review: The review is in German; the guidelines do not say what to do.').waitFor();
    await detail.getByText(/does not review flagged items yet/).waitFor();
    await expectNoSeriousViolations(page, 'flagged item');
    await screenshot(page, 'review-flagged-item-1280');
  });

  it('the manager sees the tally on the Quality tab', async () => {
    const page = manager.page;
    await page.goto(`/manage/projects/${projectId}/quality`);
    const card = page.getByRole('region', { name: 'Review' });
    await card.getByText('5 reviewed: 3 accepted, 1 rejected, 1 corrected.').waitFor();
    await card.getByText("Reviewers are handed each annotator's first 2 annotations, never their own work.", { exact: false }).waitFor();
    const tally = await managerApi.call<{ annotators: { annotatorId: string; reviewed: number; accepted: number }[] }>('GET', `/api/v1/projects/${projectId}/reviews/tally`);
    const rows = card.getByRole('table').getByRole('row');
    await expect.poll(() => rows.count()).toBe(1 + tally.json.annotators.length);
    await card.getByRole('row', { name: /Ada Admin/ }).waitFor();
    expect(await card.getByRole('row', { name: /Ada Admin/ }).innerText()).toMatch(/^Ada Admin\s+1\s+1\s+0\s+0\s+100%/);
    for (const name of ['Ana Annotator', 'Ben Annotator']) expect(await card.getByRole('row', { name: new RegExp(name) }).innerText()).toMatch(new RegExp(`^${name}\\s+2\\s`));
    await expectNoSeriousViolations(page, 'quality tab with reviews');
    await screenshot(page, 'review-tally-1280');
    expect(unexpectedErrors(manager)).toEqual([]);
    expect(manager.outside).toEqual([]);
  });

  it('the annotators hear the verdict on their own page: the reason, the correction, the guidelines judged by', async () => {
    // Oldest first: annotator1's first two were accepted and rejected, annotator2's first two corrected and accepted.
    const ana = await journey.openSession({ as: 'annotator1@demo.assay', viewport: { width: 1366, height: 850 } });
    const page = ana.page;
    await page.goto('/annotate');
    const section = page.getByRole('region', { name: 'Your reviewed work' });
    const list = section.getByRole('list', { name: 'Reviewed annotations (all)' });
    await list.waitFor();
    // Only this project's verdicts count here: the demo's history may have judged their work elsewhere.
    const ours = (l: typeof list) => l.getByRole('article').filter({ has: page.getByRole('heading', { name: new RegExp(PROJECT) }) });
    await expect.poll(() => ours(list).count()).toBe(2);
    const rejected = ours(list).filter({ has: page.getByRole('heading', { name: /^Rejected/ }) });
    expect(await rejected.innerText()).toContain('Why it was rejected: The review praises the delivery, not the product: neutral at best.');
    expect(await rejected.innerText()).toContain('Judged under guidelines version 1');
    expect(await rejected.getByRole('group', { name: 'Your answers' }).getByRole('radio', { name: /Positive/ }).getAttribute('aria-checked')).toBe('true');
    await ours(list).filter({ has: page.getByRole('heading', { name: /^Accepted/ }) }).waitFor();

    // The keyboard alone: the outcome filter is a radio group, the guidelines a disclosure.
    await section.getByRole('radio', { name: 'All' }).focus();
    await page.keyboard.press('ArrowRight');
    const onlyRejected = section.getByRole('list', { name: 'Reviewed annotations (rejected)' });
    await onlyRejected.waitFor();
    await expect.poll(() => ours(onlyRejected).count()).toBe(1);
    await ours(onlyRejected).getByText('Read guidelines version 1').focus();
    await page.keyboard.press('Enter');
    await ours(onlyRejected).getByRole('heading', { name: /Product reviews and assistant replies/ }).waitFor();
    await expectNoSeriousViolations(page, 'reviewed work, rejected, guidelines open');
    // From the top, the sticky bar stays at the top of the full-page shot.
    await page.evaluate('window.scrollTo(0, 0)');
    await screenshot(page, 'reviewed-work-rejected-1366');

    const ben = await journey.openSession({ as: 'annotator2@demo.assay', viewport: { width: 1366, height: 850 } });
    await ben.page.goto('/annotate');
    const bens = ben.page.getByRole('region', { name: 'Your reviewed work' }).getByRole('list', { name: 'Reviewed annotations (all)' });
    await bens.waitFor();
    const bensOurs = bens.getByRole('article').filter({ has: ben.page.getByRole('heading', { name: new RegExp(PROJECT) }) });
    await expect.poll(() => bensOurs.count()).toBe(2);
    const corrected = bensOurs.filter({ has: ben.page.getByRole('heading', { name: /^Corrected/ }) });
    expect(await corrected.getByRole('group', { name: "The reviewer's correction" }).getByRole('radio', { name: /Negative/ }).getAttribute('aria-checked')).toBe('true');
    expect(await corrected.getByRole('group', { name: 'Your answers' }).getByRole('radio', { name: /Positive/ }).getAttribute('aria-checked')).toBe('true');
    // Nothing of annotator1's verdicts reaches annotator2.
    expect(await corrected.innerText()).toContain('Changed by the reviewer: What is the overall sentiment of this review?');
    expect(await ben.page.locator('main').innerText()).not.toContain('neutral at best');
    await expectNoSeriousViolations(ben.page, 'reviewed work with a correction');
    await screenshot(ben.page, 'reviewed-work-corrected-1366');
    for (const s of [ana, ben]) {
      expect(unexpectedErrors(s)).toEqual([]);
      expect(s.outside).toEqual([]);
    }
  });
});

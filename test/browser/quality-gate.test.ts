/**
 * The quality gate in a real browser against a real `assay serve`: the manager raises the floor in the Settings
 * tab to 94%, and the rule derived from it says two gold misses in a row pause an annotator and sets adaptive overlap; a demo annotator who misses hidden
 * gold is paused by the server; their start page says so; the manager sees who is paused and why on the Quality
 * tab, with the annotator's status in the table, and reinstates them through the confirmation dialog; the
 * annotator gets tasks again. axe on each screen; screenshots saved.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { startJourney, type ApiCaller, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { labelSchema as schema } from '../factories.js';

describe.skipIf(!inject('chromium'))('the quality gate in the browser', () => {
  let journey: Journey;
  let session: Session;
  let page: Page;
  let manager: ApiCaller;
  let annotator: ApiCaller;
  let projectId = '';
  let annotatorName = '';

  beforeAll(async () => {
    journey = await startJourney({ name: 'quality-gate', as: 'manager@demo.assay' });
    ({ session, page } = journey);
    manager = await journey.apiAs('manager@demo.assay');
    annotator = await journey.apiAs('annotator1@demo.assay');
    const created = await manager.call<{ id: string }>('POST', '/api/v1/projects', { name: 'Gate journey', schema, goldRate: 0.5, overlapK: 1 });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    projectId = created.json.id;
    // 40 items, the last 10 gold (answer pos): the careless annotator below always says neg.
    const rows = Array.from({ length: 40 }, (_, i) => ({ id: `g-${i}`, data: { text: `Sentence ${i}` }, ...(i >= 30 && { gold: { sentiment: 'pos' } }) }));
    const res = await fetch(`${journey.server.url}/api/v1/projects/${projectId}/items`, {
      method: 'POST',
      headers: { cookie: manager.cookie, 'content-type': 'application/x-ndjson' },
      body: rows.map((r) => JSON.stringify(r)).join('\n') + '\n',
    });
    expect(res.status, await res.text()).toBe(201);
    const me = await annotator.call<{ name: string }>('GET', '/api/v1/me');
    annotatorName = me.json.name;
  });
  afterAll(() => journey?.close());

  it('tightens the gate in Settings: a floor of 94% makes two gold misses in a row pause', async () => {
    await page.goto(`/manage/projects/${projectId}/settings`);
    const gate = page.getByRole('region', { name: 'Quality gate' });
    // The rule is derived in the browser from the floor and the schema's chance rate (read from the gates view).
    await expect.poll(() => gate.textContent(), { timeout: 15_000 }).toMatch(/than from 65% accuracy/);
    await gate.getByLabel('Accuracy floor (%)', { exact: false }).fill('94');
    await expect.poll(() => gate.textContent(), { timeout: 15_000 }).toMatch(/they miss 2 gold items in a row/);
    // Settings is one form: its one Save, in the bar at the bottom, says what it saved.
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Saved Quality gate.').waitFor();
    await expectNoSeriousViolations(page, 'settings, quality gate');
    await screenshot(page, 'quality-gate-settings');
    // The section as a manager sees it on a laptop screen.
    await page.setViewportSize({ width: 1366, height: 850 });
    await gate.scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'test-results/screenshots/quality-gate-settings-1366.png' });
    const project = await manager.call<{ qualityGate: { floor: number; enabled: boolean } }>('GET', `/api/v1/projects/${projectId}`);
    expect(project.json.qualityGate).toMatchObject({ enabled: true, floor: 0.94, chance: null });
  });

  it('pauses the annotator who misses gold, and their start page says so', async () => {
    let reason = '';
    for (let n = 0; n < 40; n++) {
      const t = await annotator.call<{ assignmentId: string; error?: { details: { reason: string } } }>('POST', `/api/v1/projects/${projectId}/tasks/next`);
      if (t.status === 409) {
        reason = t.json.error!.details.reason;
        break;
      }
      expect(t.status).toBe(200);
      const s = await annotator.call('POST', `/api/v1/tasks/${t.json.assignmentId}/submit`, { answers: { sentiment: 'neg' }, timeSpentMs: 2000 });
      expect(s.status).toBe(201);
    }
    expect(reason).toBe('paused');

    const other = await journey.openSession({ as: 'annotator1@demo.assay' });
    await other.page.goto('/annotate');
    const card = other.page.getByRole('listitem').filter({ hasText: 'Gate journey' });
    await card.getByText('Paused on this project — ask your manager').waitFor();
    await expectNoSeriousViolations(other.page, 'annotator start page, paused');
    await screenshot(other.page, 'quality-gate-annotator-paused');
    expect(unexpectedErrors(other)).toEqual([]);
    await other.context.close();
  });

  it('shows the manager who is paused and why, and reinstates them through the dialog', async () => {
    await page.goto(`/manage/projects/${projectId}/quality`);
    const paused = page.getByRole('region', { name: 'Paused annotators' });
    // Their entry (the one with the Reinstate button; the gate's event log below names them too).
    const entry = paused.getByRole('listitem').filter({ has: page.getByRole('button', { name: `Reinstate ${annotatorName}` }) });
    await entry.getByText(/2 gold items missed in a row/).waitFor();
    await expectNoSeriousViolations(page, 'quality tab, paused annotator');
    await screenshot(page, 'quality-gate-paused');

    await entry.getByRole('button', { name: `Reinstate ${annotatorName}` }).click();
    const dialog = page.getByRole('alertdialog');
    await dialog.waitFor();
    await expectNoSeriousViolations(page, 'reinstate dialog');
    await dialog.getByRole('button', { name: 'Reinstate' }).click();
    await paused.getByText('No annotator is paused.').waitFor();
    await paused.getByText(/reinstated/i).first().waitFor();
    await screenshot(page, 'quality-gate-reinstated');

    const t = await annotator.call('POST', `/api/v1/projects/${projectId}/tasks/next`);
    expect(t.status).toBe(200);
    expect(unexpectedErrors(session)).toEqual([]);
    expect(session.outside).toEqual([]);
  });
});

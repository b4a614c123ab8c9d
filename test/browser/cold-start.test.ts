/**
 * A cold start is not an error: opening the app signed out lands on the sign-in page with nothing in the console
 * (no 401 for "who am I", no React Router warning about a missing HydrateFallback), and a deep link opened cold
 * after signing in is as quiet. Every console message of type error or warning counts, the browser's own
 * "Failed to load resource" notes included.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startJourney, type Journey } from '../support/journey.js';
import { signIn } from '../support/browser.js';
import { demoPassword } from '../support/server-process.js';

const VIEWPORT = { width: 1366, height: 850 };

/** Every console error and warning the page logs from now on, and every uncaught error. */
function consoleNoise(page: Page): string[] {
  const noise: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') noise.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => noise.push(`uncaught: ${e.message}`));
  return noise;
}

describe.skipIf(!inject('chromium'))('a cold start in the browser', () => {
  let journey: Journey;

  beforeAll(async () => {
    journey = await startJourney({ name: 'cold-start' });
  });
  afterAll(() => journey?.close());

  it('opens signed out on the sign-in page with a silent console', async () => {
    const { page } = await journey.openSession({ viewport: VIEWPORT });
    const noise = consoleNoise(page);
    const statuses: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/')) statuses.push(r.status());
    });
    await page.goto('/manage');
    await page.waitForURL('**/login?next=%2Fmanage');
    await page.getByRole('heading', { level: 1, name: /Sign in to Assay/ }).waitFor();
    expect(statuses.every((s) => s < 400), `API statuses ${statuses.join(', ')}`).toBe(true);
    expect(noise).toEqual([]);
  });

  it('opens a deep link cold after signing in without warnings, and again after signing out', async () => {
    const { page } = await journey.openSession({ viewport: VIEWPORT });
    const noise = consoleNoise(page);
    await signIn(page, 'manager@demo.assay', demoPassword(journey.server.output(), 'manager@demo.assay'));
    await page.goto('/manage');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login**');
    await page.getByRole('heading', { level: 1, name: /Sign in to Assay/ }).waitFor();
    expect(noise).toEqual([]);
  });
});

/**
 * Admin in a real browser against a real `assay serve`: the demo admin creates a vendor and an annotator in it,
 * creates an API token and proves the secret shown once is real (then revoked, refused), and the screens pass axe.
 * A non-admin gets a plain "not allowed" page. No request leaves the server under test.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { screenshot, unexpectedErrors, type Session } from '../support/browser.js';
import { signInThroughApi, startJourney, type Journey } from '../support/journey.js';
import { expectNoSeriousViolations } from '../support/axe.js';

describe.skipIf(!inject('chromium'))('admin screens in the browser', () => {
  let journey: Journey;
  let session: Session;

  beforeAll(async () => {
    journey = await startJourney({ name: 'admin', as: 'admin@demo.assay' });
    session = journey.session;
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: journey.server.url });
  });
  afterAll(() => journey?.close());

  it('creates a vendor and an annotator in it whose generated password signs in', async () => {
    const { page } = session;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).click();
    await page.waitForURL('**/admin/users');
    await expect.poll(() => page.getByRole('cell', { name: 'Ada Admin', exact: true }).count()).toBe(1);

    await page.getByRole('link', { name: 'Vendors' }).click();
    await page.getByRole('button', { name: 'New vendor' }).click();
    const vendorDialog = page.getByRole('dialog', { name: 'New vendor' });
    await vendorDialog.getByLabel('Name').fill('Fjord Linguists');
    await vendorDialog.getByLabel('Kind').selectOption({ label: 'Expert network' });
    await vendorDialog.getByRole('button', { name: 'Create vendor' }).click();
    await page.getByRole('cell', { name: 'Fjord Linguists', exact: true }).waitFor();
    expect(await vendorDialog.isVisible()).toBe(false);

    await page.getByRole('link', { name: 'Users' }).click();
    await page.getByRole('button', { name: 'New user' }).click();
    const userDialog = page.getByRole('dialog', { name: 'New user' });
    await userDialog.getByLabel('Name').fill('Nora Newcomer');
    await userDialog.getByLabel('Email').fill('nora@fjord.test');
    await userDialog.getByLabel('Role').selectOption({ label: 'Annotator' });
    await userDialog.getByLabel('Vendor').selectOption({ label: 'Fjord Linguists' });
    await expectNoSeriousViolations(page, 'new user dialog');
    await screenshot(page, 'admin-new-user-1280');
    await userDialog.getByRole('button', { name: 'Create user' }).click();
    const password = await userDialog.getByRole('textbox', { name: 'Password' }).inputValue();
    expect(password).toMatch(/^[A-Za-z2-9]{20}$/);
    await userDialog.getByRole('button', { name: 'Done' }).click();

    const row = page.getByRole('row').filter({ hasText: 'nora@fjord.test' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual(expect.arrayContaining(['Nora Newcomer', 'Annotator', 'Fjord Linguists', 'Active']));
    // The generated password signs in (a refusal throws).
    await signInThroughApi(journey.server.url, 'nora@fjord.test', password);

    await page.getByRole('searchbox', { name: 'Search' }).fill('FJORD');
    await expect.poll(() => page.locator('table.users-table tbody tr').count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await expect.poll(() => page.locator('table.users-table tbody tr').count()).toBeGreaterThan(1);

    await expectNoSeriousViolations(page, 'users page');
    await screenshot(page, 'admin-users-1280');
  });

  it('shows a new API token once; the token works until it is revoked', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'API tokens' }).click();
    await page.waitForURL('**/admin/tokens');
    await page.getByRole('button', { name: 'New token' }).click();
    await page.getByRole('dialog', { name: 'New API token' }).getByLabel('Name').fill('browser journey');
    await page.getByRole('button', { name: 'Create token' }).click();

    const secretDialog = page.getByRole('alertdialog', { name: 'Your new API token' });
    const token = await secretDialog.getByRole('textbox', { name: 'Token' }).inputValue();
    expect(token).toMatch(/^assay_/);
    await secretDialog.getByRole('button', { name: 'Copy token' }).click();
    await secretDialog.getByText('Copied', { exact: true }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(token);
    await expectNoSeriousViolations(page, 'token secret dialog');
    await screenshot(page, 'admin-token-secret-1280');

    const me = await fetch(`${journey.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('admin@demo.assay');

    await secretDialog.getByRole('button', { name: 'I have copied it' }).click();
    await page.getByRole('cell', { name: 'browser journey', exact: true }).waitFor();
    expect(await page.content()).not.toContain(token);

    await page.getByRole('button', { name: 'Revoke browser journey' }).click();
    await page.getByRole('alertdialog', { name: 'Revoke this token?' }).getByRole('button', { name: 'Revoke token' }).click();
    await page.getByRole('row').filter({ hasText: 'browser journey' }).getByText(/^Revoked /).waitFor();
    const refused = await fetch(`${journey.server.url}/api/v1/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(refused.status).toBe(401);

    await expectNoSeriousViolations(page, 'tokens page');
    await screenshot(page, 'admin-tokens-1280');
  });

  it('fits a narrow laptop window', async () => {
    const { page } = session;
    await page.setViewportSize({ width: 820, height: 900 });
    for (const tab of ['users', 'vendors', 'tokens']) {
      await page.goto(`/admin/${tab}`);
      await page.locator('table.data').waitFor();
      // Nothing wider than the window: the page never scrolls sideways (wide tables scroll in their own box).
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(820);
      await screenshot(page, `admin-${tab}-820`);
    }
    await page.getByRole('button', { name: 'New token' }).click();
    await screenshot(page, 'admin-new-token-820');
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it('passes axe on the sign-in page', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL('**/login');
    await expectNoSeriousViolations(page, 'login page');
  });

  it('tells a non-admin that Admin is not for them', async () => {
    const annotator = await journey.openSession({ as: 'annotator1@demo.assay' });
    try {
      expect(await annotator.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Admin' }).count()).toBe(0);
      await annotator.page.goto('/admin/users');
      await annotator.page.getByRole('heading', { level: 1, name: 'You are not allowed to open Admin' }).waitFor();
      await expectNoSeriousViolations(annotator.page, 'admin, not allowed');
      await screenshot(annotator.page, 'admin-not-allowed-1280');
      expect(annotator.outside).toEqual([]);
      expect(unexpectedErrors(annotator)).toEqual([]);
    } finally {
      await annotator.context.close();
    }
  });

  it('made no request outside the server', () => {
    expect(session.outside).toEqual([]);
    expect(unexpectedErrors(session)).toEqual([]);
  });
});

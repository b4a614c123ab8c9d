import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { VendorsPage } from './VendorsPage';
import { ADMIN, renderWithApp } from './testing';
import { fakeServer } from './fakeApi';
import type { Vendor } from '../../api/types';

vi.mock('../../api/client', async () => (await import('./fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const vendor = (id: string, name: string, payTerms: Vendor['payTerms']): Vendor => ({ id, name, kind: 'crowd', payTerms, createdAt: '2025-01-01T00:00:00.000Z' });

/** Acme without terms, Nihon paid ¥1,500 a task, Experts $40.00 an hour; PATCH answers what it was sent. */
function serveVendors(patch?: (body: Record<string, unknown>) => { status: number; body?: unknown } | undefined) {
  const vendors = [vendor('v1', 'Acme Crowd', null), vendor('v2', 'Nihon Labels', { model: 'per_task', rateMinor: 1500, currency: 'JPY' }), vendor('v3', 'Experts', { model: 'per_hour', rateMinor: 4000, currency: 'USD' })];
  return fakeServer({
    'GET /api/v1/vendors': () => ({ status: 200, body: { items: vendors, nextCursor: null } }),
    ...Object.fromEntries(
      vendors.map((v, i) => [
        `PATCH /api/v1/vendors/${v.id}`,
        ({ body }: { body: unknown }) => {
          const b = body as { payModel: 'per_task' | 'per_hour' | null; payRateMinor: number | null; currency: string | null };
          const answer = patch?.(b);
          if (answer) return answer;
          vendors[i] = { ...v, payTerms: b.payModel === null ? null : { model: b.payModel, rateMinor: b.payRateMinor!, currency: b.currency! } };
          return { status: 200, body: vendors[i] };
        },
      ]),
    ),
  });
}

const rowOf = (name: string) => screen.getByRole('cell', { name }).closest('tr')!;
const dialog = () => screen.getByRole('dialog');

describe('VendorsPage', () => {
  it("shows each vendor's pay terms in words in the currency's own units", async () => {
    serveVendors();
    renderWithApp(<VendorsPage />);
    await screen.findByRole('cell', { name: 'Acme Crowd' });
    expect(within(rowOf('Acme Crowd')).getByText('Not set')).toBeInTheDocument();
    expect(within(rowOf('Nihon Labels')).getByText('¥1,500 per task')).toBeInTheDocument();
    expect(within(rowOf('Experts')).getByText('$40.00 per hour')).toBeInTheDocument();
    expect(within(rowOf('Acme Crowd')).getByRole('button', { name: 'Pay terms of Acme Crowd' })).toHaveTextContent('Set pay');
    expect(within(rowOf('Experts')).getByRole('button', { name: 'Pay terms of Experts' })).toHaveTextContent('Change pay');
  });

  it('sets a rate typed in major units as integer minor units, says the terms in words, and announces them saved', async () => {
    const server = serveVendors();
    const user = userEvent.setup();
    renderWithApp(<VendorsPage />);
    await user.click(await screen.findByRole('button', { name: 'Pay terms of Acme Crowd' }));
    expect(within(dialog()).getByRole('heading', { name: 'Pay terms of Acme Crowd' })).toBeInTheDocument();
    expect(within(dialog()).getByRole('combobox', { name: 'Pay model' })).toHaveFocus();
    await user.selectOptions(within(dialog()).getByRole('combobox', { name: 'Pay model' }), 'per_hour');
    await user.type(within(dialog()).getByRole('textbox', { name: 'Rate' }), '12.5');
    expect(within(dialog()).getByRole('textbox', { name: 'Currency' })).toHaveValue('USD');
    expect(within(dialog()).getByText(/will be paid/)).toHaveTextContent('Acme Crowd will be paid $12.50 per hour.');
    await user.click(within(dialog()).getByRole('button', { name: 'Save pay terms' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved: Acme Crowd is paid $12.50 per hour.');
    expect(server.sent.find((r) => r.method === 'PATCH')).toMatchObject({ path: '/api/v1/vendors/v1', body: { payModel: 'per_hour', payRateMinor: 1250, currency: 'USD' } });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(await within(rowOf('Acme Crowd')).findByText('$12.50 per hour')).toBeInTheDocument();
  });

  it('starts from the terms in force, and sends "0.29" as 29 and a yen amount as whole yen', async () => {
    const server = serveVendors();
    const user = userEvent.setup();
    renderWithApp(<VendorsPage />);
    await user.click(await screen.findByRole('button', { name: 'Pay terms of Nihon Labels' }));
    const rate = within(dialog()).getByRole('textbox', { name: 'Rate' });
    expect(rate).toHaveValue('1500');
    expect(within(dialog()).getByRole('combobox', { name: 'Pay model' })).toHaveValue('per_task');
    await user.clear(rate);
    await user.type(rate, '12.5');
    await user.click(within(dialog()).getByRole('button', { name: 'Save pay terms' }));
    // Yen have no minor unit: told at the field, nothing sent.
    expect(rate).toHaveAccessibleDescription('JPY has no minor unit: a whole amount In JPY, e.g. 1250');
    expect(server.sent.filter((r) => r.method === 'PATCH')).toEqual([]);
    const currency = within(dialog()).getByRole('textbox', { name: 'Currency' });
    await user.clear(currency);
    await user.type(currency, 'eur');
    expect(currency).toHaveValue('EUR');
    await user.clear(rate);
    await user.type(rate, '0.29');
    await user.click(within(dialog()).getByRole('button', { name: 'Save pay terms' }));
    await screen.findByText('Saved: Nihon Labels is paid €0.29 per task.');
    expect(server.sent.find((r) => r.method === 'PATCH')!.body).toEqual({ payModel: 'per_task', payRateMinor: 29, currency: 'EUR' });
  });

  it('checks the rate and the currency before sending, each at its field', async () => {
    const server = serveVendors();
    const user = userEvent.setup();
    renderWithApp(<VendorsPage />);
    await user.click(await screen.findByRole('button', { name: 'Pay terms of Acme Crowd' }));
    const rate = within(dialog()).getByRole('textbox', { name: 'Rate' });
    const currency = within(dialog()).getByRole('textbox', { name: 'Currency' });
    await user.type(rate, '12.505');
    await user.clear(currency);
    await user.type(currency, 'U$');
    await user.click(within(dialog()).getByRole('button', { name: 'Save pay terms' }));
    expect(rate).toHaveAttribute('aria-invalid', 'true');
    expect(within(dialog()).getByText('At most 2 decimals')).toBeInTheDocument();
    expect(within(dialog()).getByText('Three letters of an ISO 4217 code, e.g. USD or EUR')).toBeInTheDocument();
    expect(currency).toHaveAttribute('aria-invalid', 'true');
    expect(server.sent.filter((r) => r.method === 'PATCH')).toEqual([]);
  });

  it("shows the server's 400 at the field it names", async () => {
    serveVendors((b) =>
      b.currency === 'XXQ'
        ? { status: 400, body: { error: { code: 'invalid', message: 'currency: not a currency this organization pays in', field: 'currency' } } }
        : b.payRateMinor === 99_999
          ? { status: 400, body: { error: { code: 'invalid', message: 'payRateMinor must be a whole number of minor units, 0 or more', field: 'payRateMinor' } } }
          : undefined,
    );
    const user = userEvent.setup();
    renderWithApp(<VendorsPage />);
    await user.click(await screen.findByRole('button', { name: 'Pay terms of Acme Crowd' }));
    const currency = within(dialog()).getByRole('textbox', { name: 'Currency' });
    await user.type(within(dialog()).getByRole('textbox', { name: 'Rate' }), '999.99');
    await user.click(within(dialog()).getByRole('button', { name: 'Save pay terms' }));
    expect(await within(dialog()).findByRole('alert')).toHaveTextContent('payRateMinor must be a whole number of minor units, 0 or more');
    expect(within(dialog()).getByRole('textbox', { name: 'Rate' })).toHaveAccessibleDescription(/^payRateMinor must be a whole number/);
    await user.clear(currency);
    await user.type(currency, 'XXQ');
    await user.click(within(dialog()).getByRole('button', { name: 'Save pay terms' }));
    await waitFor(() => expect(currency).toHaveAccessibleDescription('not a currency this organization pays in ISO 4217 code'));
    expect(currency).toHaveAttribute('aria-invalid', 'true');
  });

  it('clears pay terms that are set', async () => {
    const server = serveVendors();
    const user = userEvent.setup();
    renderWithApp(<VendorsPage />);
    await user.click(await screen.findByRole('button', { name: 'Pay terms of Experts' }));
    expect(within(dialog()).getByRole('textbox', { name: 'Rate' })).toHaveValue('40.00');
    await user.click(within(dialog()).getByRole('button', { name: 'Clear pay terms' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved: Experts has no pay terms now.');
    expect(server.sent.find((r) => r.method === 'PATCH')!.body).toEqual({ payModel: null, payRateMinor: null, currency: null });
    expect(await within(rowOf('Experts')).findByText('Not set')).toBeInTheDocument();
  });

  it('shows a non-admin the terms read-only', async () => {
    serveVendors();
    renderWithApp(<VendorsPage />, { me: { ...ADMIN, role: 'manager' } });
    expect(await screen.findByText('$40.00 per hour')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Pay terms of/ })).toBeNull();
  });
});

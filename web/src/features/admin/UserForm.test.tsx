import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User, Vendor } from '../../api/types';
import { UserForm } from './UserForm';
import { renderWithApp } from './testing';
import { fakeServer } from './fakeApi';

vi.mock('../../api/client', async () => (await import('./fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const VENDORS: Vendor[] = [
  { id: 'vendor_1', name: 'Acme Crowd', kind: 'crowd', payTerms: null, createdAt: '2025-01-01T00:00:00.000Z' },
  { id: 'vendor_2', name: 'Clinicians Ltd', kind: 'expert_network', payTerms: { model: 'per_hour', rateMinor: 9000, currency: 'GBP' }, createdAt: '2025-01-01T00:00:00.000Z' },
];
const created = (body: Record<string, unknown>): User => ({
  id: 'user_new',
  email: String(body.email),
  name: String(body.name),
  role: body.role as User['role'],
  vendorId: (body.vendorId as string | null) ?? null,
  pseudonym: 'annotator-x',
  active: true,
  createdAt: '2025-02-02T00:00:00.000Z',
});

describe('UserForm', () => {
  it('shows the server’s message on the field it names, and nowhere else', async () => {
    fakeServer({
      'POST /api/v1/users': () => ({ status: 409, body: { error: { code: 'conflict', message: 'A user with email ann@x.test already exists', field: 'email' } } }),
    });
    const user = userEvent.setup();
    renderWithApp(<UserForm vendors={VENDORS} onDone={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ann Other');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ann@x.test');
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const email = screen.getByRole('textbox', { name: 'Email' });
    expect(await screen.findByText('A user with email ann@x.test already exists')).toBeInTheDocument();
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('A user with email ann@x.test already exists');
    expect(screen.getByRole('textbox', { name: 'Name' })).toHaveAttribute('aria-invalid', 'false');
    // Shown once, on the field: no second copy as a form-level alert.
    expect(screen.getAllByText(/already exists/)).toHaveLength(1);
  });

  it('puts a validation message on its field without the field-name prefix', async () => {
    fakeServer({
      'POST /api/v1/users': () => ({
        status: 400,
        body: { error: { code: 'invalid', message: 'vendorId: Vendor not found or no access', field: 'vendorId' } },
      }),
    });
    const user = userEvent.setup();
    renderWithApp(<UserForm vendors={VENDORS} onDone={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Vera Vendor');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'vera@x.test');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vendor' }), 'Acme Crowd');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    const vendor = screen.getByRole('combobox', { name: 'Vendor' });
    expect(await screen.findByText('Vendor not found or no access')).toBeInTheDocument();
    expect(vendor).toHaveAttribute('aria-invalid', 'true');
    expect(vendor).toHaveAccessibleDescription('Vendor not found or no access');
  });

  it('shows an error the form cannot place as one message for the whole form', async () => {
    fakeServer({ 'POST /api/v1/users': () => ({ status: 403, body: { error: { code: 'forbidden', message: 'Your role does not allow this action' } } }) });
    const user = userEvent.setup();
    renderWithApp(<UserForm vendors={VENDORS} onDone={() => {}} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ann');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'ann@x.test');
    await user.click(screen.getByRole('button', { name: 'Create user' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Your role does not allow this action');
  });

  it('creates an annotator in a vendor with a generated password, shown once after the server accepted it', async () => {
    const server = fakeServer({ 'POST /api/v1/users': ({ body }) => ({ status: 201, body: created(body as Record<string, unknown>) }) });
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithApp(<UserForm vendors={VENDORS} onDone={onDone} />);
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Ann Notator');
    await user.type(screen.getByRole('textbox', { name: 'Email' }), 'Ann@X.test');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vendor' }), 'Clinicians Ltd');
    expect(screen.getByRole('radio', { name: /Generate a strong password/ })).toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Create user' }));

    const shown = await screen.findByRole('textbox', { name: 'Password' });
    const sent = server.sent[0]!.body as Record<string, unknown>;
    expect(sent).toMatchObject({ name: 'Ann Notator', email: 'Ann@X.test', role: 'annotator', vendorId: 'vendor_2' });
    expect(sent.password).toMatch(/^[A-Za-z2-9]{20}$/);
    expect(shown).toHaveValue(sent.password as string);
    expect(screen.getByText(/shown only now/)).toBeInTheDocument();
    expect(screen.getByText('ann@x.test')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Done' }));
    expect(onDone).toHaveBeenCalledOnce();
  });

  it('edits only what changed: role, vendor cleared for a manager, deactivated', async () => {
    const ann: User = { ...created({ name: 'Ann', email: 'ann@x.test', role: 'annotator', vendorId: 'vendor_1' }), id: 'user_7' };
    const server = fakeServer({ 'PATCH /api/v1/users/user_7': ({ body }) => ({ status: 200, body: { ...ann, ...(body as object) } }) });
    const onDone = vi.fn();
    const user = userEvent.setup();
    renderWithApp(<UserForm user={ann} vendors={VENDORS} onDone={onDone} />);
    expect(screen.queryByRole('textbox', { name: 'Email' })).not.toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Vendor' })).toHaveValue('vendor_1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Manager');
    expect(screen.queryByRole('combobox', { name: 'Vendor' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /Active/ }));
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onDone).toHaveBeenCalledOnce());
    expect(server.sent.map((r) => r.body)).toEqual([{ role: 'manager', vendorId: null, active: false }]);
  });

  it('resets a password to one the admin types', async () => {
    const ann: User = { ...created({ name: 'Ann', email: 'ann@x.test', role: 'annotator', vendorId: null }), id: 'user_7' };
    const server = fakeServer({ 'PATCH /api/v1/users/user_7': () => ({ status: 200, body: ann }) });
    const user = userEvent.setup();
    renderWithApp(<UserForm user={ann} vendors={VENDORS} onDone={() => {}} />);
    const choices = screen.getByRole('group', { name: 'Password' });
    expect(within(choices).getByRole('radio', { name: 'Keep the current password' })).toBeChecked();
    await user.click(within(choices).getByRole('radio', { name: 'Type a password' }));
    await user.type(screen.getByLabelText('New password'), 'a long passphrase');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(server.sent).toHaveLength(1));
    expect(server.sent[0]!.body).toEqual({ password: 'a long passphrase' });
  });
});

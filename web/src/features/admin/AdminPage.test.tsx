import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { AdminPage } from './AdminPage';
import { ADMIN, renderWithApp } from './testing';
import { fakeServer } from './fakeApi';
import type { User } from '../../api/types';

vi.mock('../../api/client', async () => (await import('./fakeApi')).clientModuleForTests());

afterEach(() => vi.unstubAllGlobals());

const admin = (path: string, me = ADMIN) =>
  renderWithApp(
    <Routes>
      <Route path="/admin/*" element={<AdminPage />} />
    </Routes>,
    { me, path },
  );

const person = (i: number, extra: Partial<User> = {}): User => ({
  id: `user_${i}`,
  email: `person${i}@x.test`,
  name: `Person ${i}`,
  role: 'annotator',
  vendorId: 'vendor_1',
  pseudonym: `annotator-${i}`,
  active: true,
  createdAt: '2025-02-02T00:00:00.000Z',
  ...extra,
});

describe('AdminPage', () => {
  it('tells a non-admin plainly that Admin is not for them, without calling the admin API', async () => {
    const server = fakeServer({});
    admin('/admin/users', { ...ADMIN, role: 'annotator', email: 'ann@x.test' });
    expect(screen.getByRole('heading', { level: 1, name: 'You are not allowed to open Admin' })).toBeInTheDocument();
    expect(screen.getByText(/signed in as/)).toHaveTextContent('ann@x.test with the role Annotator');
    expect(screen.getByRole('link', { name: 'Back to my work' })).toHaveAttribute('href', '/');
    expect(server.sent).toEqual([]);
  });

  it('shows the same explanation when the server answers 403', async () => {
    fakeServer({
      'GET /api/v1/users': () => ({ status: 403, body: { error: { code: 'forbidden', message: 'Your role does not allow this action' } } }),
      'GET /api/v1/vendors': () => ({ status: 403, body: { error: { code: 'forbidden', message: 'Your role does not allow this action' } } }),
    });
    admin('/admin/users');
    expect(await screen.findByRole('heading', { name: 'You are not allowed to open Admin' })).toBeInTheDocument();
  });

  it('lists users with their vendor, filters by role and search on the server, and loads more', async () => {
    const server = fakeServer({
      'GET /api/v1/vendors': () => ({ status: 200, body: { items: [{ id: 'vendor_1', name: 'Acme Crowd', kind: 'crowd', createdAt: '2025-01-01T00:00:00.000Z' }], nextCursor: null } }),
      'GET /api/v1/users': ({ url }) =>
        url.searchParams.get('cursor') === 'c1'
          ? { status: 200, body: { items: [person(3, { active: false })], nextCursor: null } }
          : { status: 200, body: { items: [person(1), person(2, { role: 'manager', vendorId: null })], nextCursor: 'c1' } },
    });
    const user = userEvent.setup();
    admin('/admin');
    expect(await screen.findByRole('cell', { name: /^Person 1/ })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Users' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getAllByRole('cell', { name: 'Acme Crowd' })).toHaveLength(1);

    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('cell', { name: /^Person 3/ })).toBeInTheDocument();
    expect(screen.getByText('Inactive')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Role' }), 'Manager');
    await user.type(screen.getByRole('searchbox', { name: 'Search' }), 'kow');
    await waitFor(() => {
      const last = server.sent.filter((r) => r.path === '/api/v1/users').at(-1)!;
      expect(last.query).toMatchObject({ role: 'manager', q: 'kow' });
    });
  });
});

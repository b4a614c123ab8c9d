import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { SetupPage } from './SetupPage';
import { LoginPage } from './LoginPage';
import { fakeServer } from '../admin/fakeApi';
import { ADMIN } from '../admin/testing';

vi.mock('../../api/client', async () => (await import('../admin/fakeApi')).clientModuleForTests());

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

function renderAt(path: string) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const router = createMemoryRouter(
    [
      { path: '/login', element: <LoginPage /> },
      { path: '/setup', element: <SetupPage /> },
      { path: '/admin', element: <h1>Admin</h1> },
    ],
    { initialEntries: [path] },
  );
  render(
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return router;
}

const invalid = (field: string, message: string) => ({ status: 400, body: { error: { code: 'invalid', message, field } } });

describe('the first-run screen', () => {
  it('is where sign-in leads while no organization exists', async () => {
    fakeServer({ 'GET /api/v1/setup': () => ({ status: 200, body: { needed: true } }) });
    const router = renderAt('/login');
    await screen.findByRole('heading', { level: 1, name: /Set up Assay/ });
    expect(router.state.location.pathname).toBe('/setup');
  });

  it("shows the server's message at the field it names, then creates the organization and signs the admin in", async () => {
    let attempt = 0;
    const server = fakeServer({
      'GET /api/v1/setup': () => ({ status: 200, body: { needed: true } }),
      'POST /api/v1/setup': () => (attempt++ === 0 ? invalid('email', '"ada" is not an email address') : { status: 201, body: { organization: { id: 'o1', name: 'Acme Lab', createdAt: 'x' }, admin: ADMIN } }),
      'POST /api/v1/auth/login': () => ({ status: 200, body: { user: { id: ADMIN.id, role: 'admin', orgId: 'o1' }, expiresAt: '2030-01-01T00:00:00.000Z' } }),
      'GET /api/v1/auth/session': () => ({ status: 200, body: { user: ADMIN } }),
    });
    const router = renderAt('/setup');
    await userEvent.type(await screen.findByLabelText('Organization'), 'Acme Lab');
    await userEvent.type(screen.getByLabelText('Your name'), 'Ada Admin');
    await userEvent.type(screen.getByLabelText('Email'), 'ada');
    await userEvent.type(screen.getByLabelText('Password'), 'a long enough password{Enter}');
    expect(await screen.findByText('"ada" is not an email address')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription(/"ada" is not an email address/);
    expect(screen.getByLabelText('Organization')).toHaveAttribute('aria-invalid', 'false');

    await userEvent.clear(screen.getByLabelText('Email'));
    await userEvent.type(screen.getByLabelText('Email'), 'ada@acme.example{Enter}');
    await screen.findByRole('heading', { level: 1, name: 'Admin' });
    expect(router.state.location.pathname).toBe('/admin');
    const posts = server.sent.filter((r) => r.method === 'POST');
    expect(posts.map((r) => r.path)).toEqual(['/api/v1/setup', '/api/v1/setup', '/api/v1/auth/login']);
    expect(posts[1]!.body).toEqual({ organization: 'Acme Lab', name: 'Ada Admin', email: 'ada@acme.example', password: 'a long enough password' });
    expect(posts[2]!.body).toEqual({ email: 'ada@acme.example', password: 'a long enough password' });
  });

  it('says Assay is set up when an organization exists, or when the server answers 409', async () => {
    fakeServer({ 'GET /api/v1/setup': () => ({ status: 200, body: { needed: false } }) });
    renderAt('/setup');
    expect(await screen.findByText('Assay is set up already: an organization exists.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Organization')).toBeNull();
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/login');
  });

  it('turns a lost race (409) into the same message', async () => {
    fakeServer({
      'GET /api/v1/setup': () => ({ status: 200, body: { needed: true } }),
      'POST /api/v1/setup': () => ({ status: 409, body: { error: { code: 'conflict', message: 'Assay is set up already' } } }),
    });
    renderAt('/setup');
    await userEvent.type(await screen.findByLabelText('Organization'), 'Late Lab{Enter}');
    expect(await screen.findByText('Assay is set up already: an organization exists.')).toBeInTheDocument();
  });
});

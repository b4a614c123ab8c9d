import { afterEach, describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { routes } from './routes';
import { fakeServer } from '../features/admin/fakeApi';
import { ADMIN } from '../features/admin/testing';

vi.mock('../api/client', async () => (await import('../features/admin/fakeApi')).clientModuleForTests());

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('signing out', () => {
  it('lands on the sign-in page without any page rendering for a user who is gone', async () => {
    let signedIn = true;
    const server = fakeServer({
      'GET /api/v1/auth/session': () => ({ status: 200, body: { user: signedIn ? ADMIN : null } }),
      'GET /api/v1/setup': () => ({ status: 200, body: { needed: false } }),
      'POST /api/v1/auth/logout': () => {
        signedIn = false;
        return { status: 204 };
      },
    });
    // React reports a render it had to recover from through console.error (or window's error event).
    const consoleError = vi.spyOn(console, 'error');
    const uncaught: unknown[] = [];
    const onError = (e: ErrorEvent) => uncaught.push(e.error);
    window.addEventListener('error', onError);

    const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
    const router = createMemoryRouter(routes, { initialEntries: ['/no-such-page'] });
    render(
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: /Sign in to Assay/ })).toBeInTheDocument();
    window.removeEventListener('error', onError);

    expect(router.state.location.pathname).toBe('/login');
    expect(server.sent.map((r) => `${r.method} ${r.path}`)).toContain('POST /api/v1/auth/logout');
    expect(uncaught).toEqual([]);
    expect(consoleError).not.toHaveBeenCalled();
  });
});

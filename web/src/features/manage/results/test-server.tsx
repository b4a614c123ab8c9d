/**
 * Component-test harness of the results browser: a fresh QueryClient with the signed-in user, and a router whose
 * location the test can read. The fake API is in fake-api.ts.
 */
import type { ReactNode } from 'react';
import { render, screen } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter, useLocation } from 'react-router';
import { queryKeys } from '../../../api/queries';
import type { Me } from '../../../api/types';

export const MANAGER: Me = {
  id: 'user_m',
  email: 'manager@test.assay',
  name: 'Mia Manager',
  role: 'manager',
  vendorId: null,
  pseudonym: 'manager-1',
  active: true,
  createdAt: '2025-01-02T10:00:00.000Z',
  profile: null,
};

/** Renders the router's location where `currentLocation` can read it. */
function LocationProbe() {
  const l = useLocation();
  return (
    <output data-testid="router-location" hidden>
      {l.pathname + l.search}
    </output>
  );
}
/** The router's current path and query. */
export const currentLocation = () => screen.getByTestId('router-location').textContent ?? '';

export function renderWithApp(ui: ReactNode, { me = MANAGER, path = '/' }: { me?: Me; path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  queryClient.setQueryData(queryKeys.me, me);
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        {ui}
        <LocationProbe />
      </MemoryRouter>
    </QueryClientProvider>,
  );
}

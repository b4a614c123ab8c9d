/**
 * Component-test harness for the admin screens: a fresh QueryClient, a router and the signed-in user in the cache.
 * The fake server is in fakeApi.ts.
 */
import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import { queryKeys } from '../../api/queries';
import type { Me } from '../../api/types';

export const ADMIN: Me = {
  id: 'user_admin',
  email: 'admin@test.assay',
  name: 'Ada Admin',
  role: 'admin',
  vendorId: null,
  pseudonym: 'admin-1',
  active: true,
  createdAt: '2025-01-02T10:00:00.000Z',
  profile: null,
};

export function renderWithApp(ui: ReactNode, { me = ADMIN, path = '/' }: { me?: Me; path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(queryKeys.me, me);
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

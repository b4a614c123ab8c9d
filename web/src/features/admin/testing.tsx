/**
 * Component-test harness for the admin screens: a fresh QueryClient, a router, the signed-in user in the cache,
 * and <dialog> for jsdom. The fake server is in fakeApi.ts.
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

/** jsdom has <dialog> without showModal/close; give it the part the admin dialogs use. */
export function polyfillDialog() {
  const proto = HTMLDialogElement.prototype;
  if (typeof proto.showModal === 'function') return;
  proto.showModal = function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  proto.close = function (this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
}

export function renderWithApp(ui: ReactNode, { me = ADMIN, path = '/' }: { me?: Me; path?: string } = {}) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  queryClient.setQueryData(queryKeys.me, me);
  return render(
    <QueryClientProvider client={queryClient}>
      <MemoryRouter initialEntries={[path]}>{ui}</MemoryRouter>
    </QueryClientProvider>,
  );
}

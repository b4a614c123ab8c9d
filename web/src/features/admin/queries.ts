/**
 * Server state of the admin screens: users, vendors and my API tokens as cursor-paged lists ("load more"), and the
 * mutations that change them. Every mutation invalidates its list under the shared `queryKeys`.
 */
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { Role, Vendor } from '../../api/types';

const PAGE = 50;

export interface UserFilter {
  role?: Role | undefined;
  q?: string | undefined;
}

export function useUsers(filter: UserFilter) {
  return useInfiniteQuery({
    queryKey: [...queryKeys.users, filter],
    queryFn: ({ pageParam }) =>
      unwrap(api.GET('/api/v1/users', { params: { query: { limit: PAGE, role: filter.role, q: filter.q || undefined, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Keep the table on screen while a new filter loads, instead of flashing a spinner per keystroke.
    placeholderData: keepPreviousData,
  });
}

/** All vendors (an organization has a handful), for the users table and the vendor pickers. */
export function useAllVendors() {
  return useQuery({
    queryKey: [...queryKeys.vendors, 'all'],
    queryFn: async () => {
      const all: Vendor[] = [];
      let cursor: string | undefined;
      do {
        const page = await unwrap(api.GET('/api/v1/vendors', { params: { query: { limit: 500, cursor } } }));
        all.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return all;
    },
  });
}

export function useVendorPages() {
  return useInfiniteQuery({
    queryKey: [...queryKeys.vendors, 'pages'],
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/vendors', { params: { query: { limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useTokens() {
  return useInfiniteQuery({
    queryKey: queryKeys.tokens,
    queryFn: ({ pageParam }) => unwrap(api.GET('/api/v1/tokens', { params: { query: { limit: PAGE, cursor: pageParam } } })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

type JsonBody<Op> = Op extends { requestBody?: { content: { 'application/json': infer B } } } ? B : never;
export type CreateUserBody = JsonBody<paths['/api/v1/users']['post']>;
export type UpdateUserBody = JsonBody<paths['/api/v1/users/{userId}']['patch']>;
export type CreateVendorBody = JsonBody<paths['/api/v1/vendors']['post']>;
export type VendorKind = CreateVendorBody['kind'];
export type UpdateVendorBody = JsonBody<paths['/api/v1/vendors/{vendorId}']['patch']>;
/** A vendor's pay terms: the model, the rate in integer minor units, the ISO 4217 currency. */
export type PayTerms = NonNullable<Vendor['payTerms']>;

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateUserBody) => unwrap(api.POST('/api/v1/users', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: UpdateUserBody }) =>
      unwrap(api.PATCH('/api/v1/users/{userId}', { params: { path: { userId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.users }),
  });
}

export function useCreateVendor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateVendorBody) => unwrap(api.POST('/api/v1/vendors', { body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.vendors }),
  });
}

/** Sets a vendor's pay terms (all three fields) or clears them (all three null). */
export function useUpdateVendor(vendorId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateVendorBody) => unwrap(api.PATCH('/api/v1/vendors/{vendorId}', { params: { path: { vendorId } }, body })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.vendors }),
  });
}

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => unwrap(api.POST('/api/v1/tokens', { body: { name } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => unwrap(api.DELETE('/api/v1/tokens/{tokenId}', { params: { path: { tokenId } } })),
    onSuccess: () => qc.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

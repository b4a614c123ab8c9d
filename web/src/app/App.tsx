import { QueryClient, QueryClientProvider, QueryCache, MutationCache, type Query } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { isApiError } from '../api/client';
import { queryKeys } from '../api/queries';
import { routes } from './routes';

/**
 * A 401 from any other call means the session ended: ask again who we are (that answers 401 too), and the route
 * guard sends the user to sign in. The `me` query itself is left alone, or a 401 would refetch it forever.
 */
function onQueryError(err: unknown, query: Query<unknown, unknown, unknown>) {
  if (isApiError(err, 'unauthenticated') && query.queryKey[0] !== queryKeys.me[0]) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
}
function onMutationError(err: unknown) {
  if (isApiError(err, 'unauthenticated')) void queryClient.invalidateQueries({ queryKey: queryKeys.me });
}

export const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onQueryError }),
  mutationCache: new MutationCache({ onError: onMutationError }),
  defaultOptions: {
    queries: {
      staleTime: 10_000,
      refetchOnWindowFocus: false,
      // Client errors (403, 404, 409 …) will not change on retry; network hiccups may.
      retry: (count, err) => count < 2 && !(isApiError(err) && err.status >= 400 && err.status < 500),
    },
  },
});

const router = createBrowserRouter(routes);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}

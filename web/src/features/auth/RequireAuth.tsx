import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/queries';
import { isApiError } from '../../api/client';
import { Loading, ErrorMessage } from '../../components/Status';

/** Renders its children for a signed-in user; otherwise sends them to sign in and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Signing in" />;
  if (me.isError) {
    if (isApiError(me.error, 'unauthenticated')) {
      const next = location.pathname + location.search;
      return <Navigate to={`/login${next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`} replace />;
    }
    return <ErrorMessage error={me.error} />;
  }
  return <>{children}</>;
}

import type { ReactNode } from 'react';
import type { Me } from '../../api/types';
import { Navigate, useLocation } from 'react-router';
import { useMe } from '../../api/queries';
import { isApiError } from '../../api/client';
import { Loading, ErrorMessage } from '../../components/Status';

/**
 * Renders its children with the signed-in user; otherwise sends them to sign in and back here afterwards. The user
 * is handed down rather than re-read from the cache, so a child never renders between sign-out clearing the cache
 * and this guard noticing (React would have to recover from that render's error).
 */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
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
  return <>{children(me.data)}</>;
}

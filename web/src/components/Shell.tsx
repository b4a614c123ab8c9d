import { NavLink, Outlet, useNavigate } from 'react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api/client';
import type { Me } from '../api/types';
import { canAdminister, canLabel, canManage, canReview } from '../features/auth/roles';

/** The frame around every signed-in page: brand, the areas the role may open, the user and sign-out. */
export function Shell({ me }: { me: Me }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation({
    mutationFn: () => unwrap(api.POST('/api/v1/auth/logout')),
    onSettled: async () => {
      // Leave the signed-in pages first, then forget their data: clearing first would re-render them without a user.
      await navigate('/login', { replace: true });
      queryClient.clear();
    },
  });
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        {/* Named by its visible text ("Assay"): an aria-label that differs fails WCAG 2.5.3, label in name. */}
        <NavLink to="/" className="brand">
          <span className="brand-mark" aria-hidden="true">A</span> Assay
        </NavLink>
        <nav aria-label="Main">
          {canLabel(me.role) && <NavLink to="/annotate">Label</NavLink>}
          {canManage(me.role) && <NavLink to="/manage">Projects</NavLink>}
          {canManage(me.role) && <NavLink to="/qualifications">Qualifications</NavLink>}
          {canReview(me.role) && <NavLink to="/review">Review</NavLink>}
          {canAdminister(me.role) && <NavLink to="/admin">Admin</NavLink>}
        </nav>
        <div className="user">
          <span className="user-name" title={me.email}>
            {me.name} <span className="role">{me.role.replace('_', ' ')}</span>
          </span>
          <button className="btn ghost small" onClick={() => logout.mutate()} disabled={logout.isPending}>
            Sign out
          </button>
        </div>
      </header>
      <div id="main" className="main" tabIndex={-1}>
        <Outlet />
      </div>
    </div>
  );
}

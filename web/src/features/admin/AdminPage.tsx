/** Admin (admins only): users, vendors and my API tokens as tabs, each its own descendant route. */
import { NavLink, Navigate, Route, Routes } from 'react-router';
import { useMe } from '../../api/queries';
import { canAdminister } from '../auth/roles';
import { NotAllowed } from './NotAllowed';
import { UsersPage } from './UsersPage';
import { VendorsPage } from './VendorsPage';
import { TokensPage } from './TokensPage';
import './admin.css';

const TABS = [
  { path: 'users', label: 'Users' },
  { path: 'vendors', label: 'Vendors' },
  { path: 'tokens', label: 'API tokens' },
] as const;

export function AdminPage() {
  const me = useMe().data;
  // The server refuses every admin call to anyone else; say so here instead of showing a page of errors.
  if (!me || !canAdminister(me.role)) return <NotAllowed />;
  return (
    <main className="page admin">
      <div className="page-header">
        <h1>Admin</h1>
      </div>
      <nav className="tabs" aria-label="Admin sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={`/admin/${t.path}`}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Routes>
        <Route index element={<Navigate to="/admin/users" replace />} />
        <Route path="users" element={<UsersPage />} />
        <Route path="vendors" element={<VendorsPage />} />
        <Route path="tokens" element={<TokensPage />} />
        <Route path="*" element={<Navigate to="/admin/users" replace />} />
      </Routes>
    </main>
  );
}

/** The organization's users: filter by role, search name and email, load more; create and edit in a dialog. */
import { useMemo, useState } from 'react';
import type { Role, User } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { PagedList } from './PagedList';
import { UserForm } from './UserForm';
import { DateTime, ROLES, ROLE_LABELS } from './format';
import { useAllVendors, useUsers } from './queries';
import { useDebounced } from './useDebounced';
import { NotAllowedIfForbidden } from './NotAllowed';

type Editing = { kind: 'create' } | { kind: 'edit'; user: User } | null;

export function UsersPage() {
  const [role, setRole] = useState<Role | ''>('');
  const [search, setSearch] = useState('');
  const q = useDebounced(search.trim());
  const users = useUsers({ role: role || undefined, q: q || undefined });
  const vendors = useAllVendors();
  const vendorNames = useMemo(() => new Map((vendors.data ?? []).map((v) => [v.id, v.name])), [vendors.data]);
  const [editing, setEditing] = useState<Editing>(null);
  const filtered = role !== '' || q !== '';

  return (
    <NotAllowedIfForbidden error={users.error}>
      <section aria-labelledby="users-title">
        <div className="section-header">
          <h2 id="users-title">Users</h2>
          <button type="button" className="btn primary" onClick={() => setEditing({ kind: 'create' })}>
            New user
          </button>
        </div>
        <div className="filters" role="search" aria-label="Filter users">
          <label className="inline-field">
            <span>Role</span>
            <select value={role} onChange={(e) => setRole(e.target.value as Role | '')}>
              <option value="">All roles</option>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          </label>
          <label className="inline-field grow">
            <span>Search</span>
            <input type="search" placeholder="Name or email" value={search} onChange={(e) => setSearch(e.target.value)} />
          </label>
        </div>
        <PagedList query={users} noun="user" empty={filtered ? 'No user matches these filters.' : 'No users yet.'}>
          {(rows) => (
            <div className="table-scroll" aria-busy={users.isFetching && !users.isFetchingNextPage}>
              <table className="data users-table">
                <caption className="visually-hidden">Users{filtered ? ' matching the filters' : ''}</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col" className="email">
                      Email
                    </th>
                    <th scope="col">Role</th>
                    <th scope="col">Vendor</th>
                    <th scope="col">Status</th>
                    <th scope="col">Created</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((u) => (
                    <tr key={u.id} className={u.active ? undefined : 'inactive'}>
                      <td>
                        {u.name}
                        {/* On a narrow window the email column folds under the name (CSS shows one or the other). */}
                        <span className="email-under-name">{u.email}</span>
                      </td>
                      <td className="email">{u.email}</td>
                      <td>{ROLE_LABELS[u.role]}</td>
                      <td>{u.vendorId ? (vendorNames.get(u.vendorId) ?? <span className="muted">Unknown vendor</span>) : <span className="muted">—</span>}</td>
                      <td>
                        <span className={`badge ${u.active ? 'ok' : 'off'}`}>{u.active ? 'Active' : 'Inactive'}</span>
                      </td>
                      <td>
                        <DateTime iso={u.createdAt} />
                      </td>
                      <td className="actions">
                        <button type="button" className="btn small" onClick={() => setEditing({ kind: 'edit', user: u })} aria-label={`Edit ${u.name}`}>
                          Edit
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </PagedList>
        <Dialog open={editing !== null} onClose={() => setEditing(null)} title={editing?.kind === 'edit' ? `Edit ${editing.user.name}` : 'New user'}>
          {editing && (
            <UserForm
              key={editing.kind === 'edit' ? editing.user.id : 'new'}
              user={editing.kind === 'edit' ? editing.user : undefined}
              vendors={vendors.data ?? []}
              onDone={() => setEditing(null)}
            />
          )}
        </Dialog>
      </section>
    </NotAllowedIfForbidden>
  );
}

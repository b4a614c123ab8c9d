/**
 * `/qualifications`: the manager's list of qualifications, each a gold set in a domain with its pass mark, attempt
 * size, cooldown, pool of gold items, status and how many attempts passed; the way into each and to a new one.
 * Statuses come from the projects list (a qualification is a project), attempts from each one's attempt list.
 */
import { Link, Navigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from '../../../api/client';
import { queryKeys, useMe } from '../../../api/queries';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { canManage } from '../../auth/roles';
import { StatusBadge, type ProjectStatus } from '../../manage/ProjectStatus';
import { useAttempts, useQualifications } from '../queries';
import type { Qualification } from '../types';
import { cooldownWords, percent } from '../words';
import '../../manage/manage.css';
import './qualifications.css';

/** Status by project id, for the qualifications among all projects. */
function useStatuses() {
  return useQuery({
    queryKey: [...queryKeys.projects, { status: 'all' }],
    queryFn: () => unwrap(api.GET('/api/v1/projects', { params: { query: { limit: 500 } } })),
    select: (page) => new Map(page.items.map((p) => [p.id, p.status as ProjectStatus])),
  });
}

export function QualificationsPage() {
  const me = useMe().data;
  const list = useQualifications();
  const statuses = useStatuses().data;
  if (me && !canManage(me.role)) return <Navigate to="/annotate#qualifications" replace />;
  return (
    <main className="page manage">
      <div className="page-header">
        <h1>Qualifications</h1>
        <div className="actions">
          <Link to="/qualifications/new" className="btn primary">
            New qualification
          </Link>
        </div>
      </div>
      <p className="muted">
        A qualification is a set of gold items in a domain with a pass mark. Annotators take it through the ordinary workspace; passing grants them a
        measured skill in the domain, which projects with a minimum skill ask for.
      </p>
      {list.isPending ? (
        <Loading label="Loading qualifications" />
      ) : list.isError ? (
        <ErrorMessage error={list.error} title="Qualifications could not be loaded" />
      ) : list.data.items.length === 0 ? (
        <Empty>No qualifications yet. Create the first one with “New qualification”.</Empty>
      ) : (
        <table className="data projects-table qualifications-table">
          <caption className="visually-hidden">Qualifications with their settings and attempts</caption>
          <thead>
            <tr>
              <th scope="col">Qualification</th>
              <th scope="col">Domain</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Pass mark
              </th>
              <th scope="col" className="num">
                Items per attempt
              </th>
              <th scope="col" className="num">
                Gold items
              </th>
              <th scope="col">Retake after</th>
              <th scope="col" className="num">
                Passed / attempts
              </th>
            </tr>
          </thead>
          <tbody>
            {list.data.items.map((q) => (
              <QualificationRow key={q.id} q={q} status={statuses?.get(q.id)} />
            ))}
          </tbody>
        </table>
      )}
    </main>
  );
}

function QualificationRow({ q, status }: { q: Qualification; status: ProjectStatus | undefined }) {
  const attempts = useAttempts(q.id).data?.items;
  const passed = attempts?.filter((a) => a.status === 'passed').length;
  const short = q.goldItems < q.attemptSize;
  return (
    <tr>
      <th scope="row">
        <Link to={`/qualifications/${q.id}`}>{q.name}</Link>
        {q.description && <div className="muted small clamp">{q.description}</div>}
      </th>
      <td>
        <code>{q.domain}</code>
      </td>
      <td>{status ? <StatusBadge status={status} /> : '…'}</td>
      <td className="num">{percent(q.passMark)}</td>
      <td className="num">{q.attemptSize.toLocaleString()}</td>
      <td className="num">
        {q.goldItems.toLocaleString()}
        {short && <span className="cell-note warn-note">fewer than an attempt takes</span>}
      </td>
      <td>{cooldownWords(q.cooldownSeconds)}</td>
      <td className="num">{attempts ? `${passed!.toLocaleString()} / ${attempts.length.toLocaleString()}` : '…'}</td>
    </tr>
  );
}

/**
 * `/qualifications/:qualificationId/*`: one qualification. Its header (name, status with the project status
 * actions, since a qualification is a project) and settings, then tabs as descendant routes: its attempts, its gold
 * items (the project import screen on the qualification's id), its schema and its guidelines (the project tabs).
 */
import { lazy, Suspense, useId } from 'react';
import { Link, NavLink, Route, Routes, useLocation, useParams } from 'react-router';
import { useProject } from '../../../api/queries';
import type { Project } from '../../../api/types';
import { Empty, ErrorMessage, Loading } from '../../../components/Status';
import { StatusActions, StatusBadge } from '../../manage/ProjectStatus';
import { useVendors } from '../../manage/queries';
import { useAttempts, useQualification } from '../queries';
import type { Qualification } from '../types';
import { cooldownWords, percent } from '../words';
import { AttemptsTable } from './AttemptsTable';
import '../../manage/manage.css';
import './qualifications.css';

const ImportTab = lazy(() => import('../../manage/import/ImportTab').then((m) => ({ default: m.ImportTab })));
const SchemaTab = lazy(() => import('../../manage/tabs/SchemaTab').then((m) => ({ default: m.SchemaTab })));
const GuidelinesTab = lazy(() => import('../../manage/tabs/GuidelinesTab').then((m) => ({ default: m.GuidelinesTab })));

const TABS = [
  { path: '', label: 'Attempts' },
  { path: 'items', label: 'Gold items' },
  { path: 'schema', label: 'Schema' },
  { path: 'guidelines', label: 'Guidelines' },
];

/** New attempts and answers show up while the page is open. */
const REFRESH_MS = 10_000;

export function QualificationPage() {
  const { qualificationId = '' } = useParams();
  const qualification = useQualification(qualificationId);
  const project = useProject(qualificationId);
  if (qualification.isPending) {
    return (
      <main className="page manage">
        <Loading label="Loading the qualification" />
      </main>
    );
  }
  if (qualification.isError) {
    return (
      <main className="page manage">
        <p>
          <Link to="/qualifications">← Qualifications</Link>
        </p>
        <ErrorMessage error={qualification.error} title="The qualification could not be loaded" />
      </main>
    );
  }
  const q = qualification.data;
  const base = `/qualifications/${q.id}`;
  return (
    <main className="page manage project-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/qualifications">Qualifications</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="page-header">
        <h1>{q.name}</h1>
        {project.data && (
          <>
            <StatusBadge status={project.data.status} />
            <StatusActions project={project.data as Project} />
          </>
        )}
      </div>
      {q.description && <p className="muted project-description">{q.description}</p>}
      <Settings q={q} feedback={project.data?.goldFeedback} />
      <nav className="tabs" aria-label="Qualification sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={t.path === '' ? base : `${base}/${t.path}`} end={t.path === ''}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Loading />}>
        <Routes>
          <Route index element={<AttemptsCard q={q} />} />
          <Route path="items" element={<GoldItems q={q} />} />
          <Route path="schema" element={<SchemaTab projectId={q.id} />} />
          <Route path="guidelines" element={<GuidelinesTab projectId={q.id} />} />
          <Route path="*" element={<Empty>This qualification has no such section.</Empty>} />
        </Routes>
      </Suspense>
    </main>
  );
}

function Settings({ q, feedback }: { q: Qualification; feedback: string | undefined }) {
  return (
    <dl className="figures qualification-settings" aria-label="Settings">
      <div className="figure">
        <dt>Domain</dt>
        <dd>{q.domain}</dd>
      </div>
      <div className="figure">
        <dt>Pass mark</dt>
        <dd>{percent(q.passMark)}</dd>
      </div>
      <div className="figure">
        <dt>Items per attempt</dt>
        <dd>{q.attemptSize.toLocaleString()}</dd>
      </div>
      <div className="figure">
        <dt>Gold items</dt>
        <dd>{q.goldItems.toLocaleString()}</dd>
      </div>
      <div className="figure">
        <dt>Retake after failing</dt>
        <dd>{cooldownWords(q.cooldownSeconds)}</dd>
      </div>
      {feedback && (
        <div className="figure">
          <dt>Feedback mode</dt>
          <dd>{feedback === 'feedback' ? 'Feedback' : 'Audit'}</dd>
        </div>
      )}
    </dl>
  );
}

/** Said wherever it matters: annotators cannot start while the pool is smaller than one attempt. */
function PoolWarning({ q }: { q: Qualification }) {
  if (q.goldItems >= q.attemptSize) return null;
  return (
    <p className="status warn" role="note">
      {q.goldItems === 0 ? 'No gold items yet' : `Only ${q.goldItems.toLocaleString()} gold items`}: an attempt takes {q.attemptSize.toLocaleString()}, so
      annotators cannot start it until there are at least that many. <Link to={`/qualifications/${q.id}/items`}>Import gold items</Link>
    </p>
  );
}

function AttemptsCard({ q }: { q: Qualification }) {
  const id = useId();
  const attempts = useAttempts(q.id, { refetchMs: REFRESH_MS });
  const vendors = useVendors();
  const names = new Map((vendors.data?.items ?? []).map((v) => [v.id, v.name]));
  const items = attempts.data?.items ?? [];
  const passed = items.filter((a) => a.status === 'passed').length;
  const failed = items.filter((a) => a.status === 'failed').length;
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Attempts</h2>
      <PoolWarning q={q} />
      {attempts.isPending ? (
        <Loading label="Loading attempts" />
      ) : attempts.isError ? (
        <ErrorMessage error={attempts.error} title="Attempts could not be loaded" />
      ) : items.length === 0 ? (
        <p className="muted">Nobody has taken it yet. Annotators find it on their start page under Qualifications.</p>
      ) : (
        <>
          <p className="muted small">
            {items.length.toLocaleString()} {items.length === 1 ? 'attempt' : 'attempts'}: {passed.toLocaleString()} passed, {failed.toLocaleString()} failed,{' '}
            {(items.length - passed - failed).toLocaleString()} in progress. Accuracy is the posterior mean of Beta(1 + correct, 1 + wrong) with its 95% interval.
          </p>
          <AttemptsTable attempts={items} vendorNames={names} />
        </>
      )}
    </section>
  );
}

function GoldItems({ q }: { q: Qualification }) {
  const created = (useLocation().state as { created?: boolean } | null)?.created === true;
  return (
    <div className="qualification-items">
      {created && (
        <p className="status ok" role="status">
          Qualification created. Now import its gold items.
        </p>
      )}
      <PoolWarning q={q} />
      <p className="muted">
        Every item of a qualification is gold: each record needs a <code>gold</code> field with its answers (and optionally a{' '}
        <code>gold_explanation</code>, shown in feedback mode after a miss). An attempt takes {q.attemptSize.toLocaleString()} items the annotator has not seen, so a pool
        larger than that lets them retake with fresh items.
      </p>
      <ImportTab projectId={q.id} />
    </div>
  );
}

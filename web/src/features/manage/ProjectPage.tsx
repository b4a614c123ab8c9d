/**
 * `/manage/projects/:projectId/*`: the project's header (name, status, quick status actions) and its tabs as
 * descendant routes, so each tab has its own URL and the browser's back button moves between them.
 */
import { lazy, Suspense } from 'react';
import { Link, NavLink, Route, Routes, useParams } from 'react-router';
import { useProject } from '../../api/queries';
import type { Project } from '../../api/types';
import { Empty, ErrorMessage, Loading } from '../../components/Status';
import { StatusActions, StatusBadge } from './ProjectStatus';
import { ReportLinks } from './ReportLinks';
import './manage.css';

/** Each tab is its own chunk: the schema builder and the chart library load only when their tab opens. */
const OverviewTab = lazy(() => import('./tabs/OverviewTab').then((m) => ({ default: m.OverviewTab })));
const SchemaTab = lazy(() => import('./tabs/SchemaTab').then((m) => ({ default: m.SchemaTab })));
const GuidelinesTab = lazy(() => import('./tabs/GuidelinesTab').then((m) => ({ default: m.GuidelinesTab })));
const SettingsTab = lazy(() => import('./tabs/SettingsTab').then((m) => ({ default: m.SettingsTab })));
const ImportTab = lazy(() => import('./import/ImportTab').then((m) => ({ default: m.ImportTab })));
const ResultsTab = lazy(() => import('./results/ResultsTab').then((m) => ({ default: m.ResultsTab })));
const ExportTab = lazy(() => import('./tabs/ExportTab').then((m) => ({ default: m.ExportTab })));
const QualityTab = lazy(() => import('./quality/QualityTab').then((m) => ({ default: m.QualityTab })));
const VendorsTab = lazy(() => import('./vendors/VendorsTab').then((m) => ({ default: m.VendorsTab })));


const TABS = [
  { path: '', label: 'Overview' },
  { path: 'schema', label: 'Schema' },
  { path: 'guidelines', label: 'Guidelines' },
  { path: 'settings', label: 'Settings' },
  { path: 'import', label: 'Import' },
  { path: 'results', label: 'Results' },
  { path: 'quality', label: 'Quality' },
  { path: 'vendors', label: 'Vendors' },
  { path: 'export', label: 'Export' },
];

export function ProjectPage() {
  const { projectId = '' } = useParams();
  const project = useProject(projectId);
  if (project.isPending) {
    return (
      <main className="page manage">
        <Loading label="Loading the project" />
      </main>
    );
  }
  if (project.isError) {
    return (
      <main className="page manage">
        <p>
          <Link to="/manage">← Projects</Link>
        </p>
        <ErrorMessage error={project.error} title="The project could not be loaded" />
      </main>
    );
  }
  const p = project.data as Project;
  return (
    <main className="page manage project-page">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/manage">Projects</Link> <span aria-hidden="true">/</span>
      </nav>
      <div className="page-header">
        <h1>{p.name}</h1>
        <StatusBadge status={p.status} />
        <StatusActions project={p} />
        <ReportLinks projectId={p.id} />
      </div>
      {p.description && <p className="muted project-description">{p.description}</p>}
      <nav className="tabs" aria-label="Project sections">
        {TABS.map((t) => (
          <NavLink key={t.path} to={t.path === '' ? `/manage/projects/${p.id}` : `/manage/projects/${p.id}/${t.path}`} end={t.path === ''}>
            {t.label}
          </NavLink>
        ))}
      </nav>
      <Suspense fallback={<Loading />}>
      <Routes>
        <Route index element={<OverviewTab projectId={p.id} />} />
        <Route path="schema" element={<SchemaTab projectId={p.id} />} />
        <Route path="guidelines" element={<GuidelinesTab projectId={p.id} />} />
        <Route path="settings" element={<SettingsTab project={p} />} />
        <Route path="import" element={<ImportTab projectId={p.id} />} />
        <Route path="results/*" element={<ResultsTab projectId={p.id} />} />
        <Route path="quality" element={<QualityTab projectId={p.id} />} />
        <Route path="vendors" element={<VendorsTab projectId={p.id} />} />
        <Route path="export" element={<ExportTab projectId={p.id} />} />
        <Route path="*" element={<Empty>This project has no such section.</Empty>} />
      </Routes>
      </Suspense>
    </main>
  );
}

/**
 * The route table. Each area is a lazily loaded chunk, so an annotator's browser never downloads the manager
 * console or the charts. Areas add their routes here and nowhere else.
 */
import type { RouteObject } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { SetupPage } from '../features/auth/SetupPage';
import { RequireAuth } from '../features/auth/RequireAuth';
import { HomeRedirect } from '../features/auth/HomeRedirect';
import { Shell } from '../components/Shell';
import { RouteError } from '../components/RouteError';
import { Loading } from '../components/Status';

/** What shows while the first page's chunk loads on a cold start (React Router asks for it; without one it warns). */
const PageLoading = () => <Loading label="Loading" />;

export const routes: RouteObject[] = [
  { path: '/login', element: <LoginPage /> },
  { path: '/setup', element: <SetupPage /> },
  {
    element: (
      <RequireAuth>{(me) => <Shell me={me} />}</RequireAuth>
    ),
    errorElement: <RouteError />,
    HydrateFallback: PageLoading,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'annotate', lazy: async () => ({ Component: (await import('../features/annotate/AnnotatorHome')).AnnotatorHome }) },
      { path: 'annotate/:projectId', lazy: async () => ({ Component: (await import('../features/annotate/Workspace')).Workspace }) },
      { path: 'manage', lazy: async () => ({ Component: (await import('../features/manage/ProjectsPage')).ProjectsPage }) },
      { path: 'manage/new', lazy: async () => ({ Component: (await import('../features/manage/NewProjectPage')).NewProjectPage }) },
      { path: 'manage/projects/:projectId/*', lazy: async () => ({ Component: (await import('../features/manage/ProjectPage')).ProjectPage }) },
      { path: 'qualifications', lazy: async () => ({ Component: (await import('../features/qualifications/manage/QualificationsPage')).QualificationsPage }) },
      { path: 'qualifications/new', lazy: async () => ({ Component: (await import('../features/qualifications/manage/NewQualificationPage')).NewQualificationPage }) },
      {
        path: 'qualifications/:qualificationId/*',
        lazy: async () => ({ Component: (await import('../features/qualifications/manage/QualificationPage')).QualificationPage }),
      },
      { path: 'review', lazy: async () => ({ Component: (await import('../features/review/ReviewHome')).ReviewHome }) },
      { path: 'review/:projectId', lazy: async () => ({ Component: (await import('../features/review/ReviewQueue')).ReviewQueue }) },
      { path: 'admin/*', lazy: async () => ({ Component: (await import('../features/admin/AdminPage')).AdminPage }) },
      { path: '*', element: <RouteError notFound /> },
    ],
  },
];

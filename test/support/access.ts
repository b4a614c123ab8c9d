/**
 * Who may call each protected route of the API: the one table the sweeps share. `test/permissions.test.ts` checks it
 * covers every route the router serves (so a new route fails until someone decides who may use it) and refuses the
 * roles left out; `test/vendor-scope.test.ts` calls every route it allows a vendor manager and reads the bodies.
 */
import { ROLES, type Role } from '../../src/core/permissions.js';
import { routeKey, type RouteEntry } from './routes.js';

export const EVERYONE = ROLES;
/** Routes anyone may call without signing in: signing in, the API description, and the first-run screen's (open only while no organization exists). */
export const PUBLIC_ROUTES: ReadonlySet<string> = new Set([
  'POST /api/v1/auth/login',
  'GET /api/v1/openapi.json',
  'HEAD /api/v1/openapi.json',
  'GET /api/v1/setup',
  'HEAD /api/v1/setup',
  'POST /api/v1/setup',
]);
/** The roles allowed to call each protected route (an allowed role may still get 404 outside its scope). */
export const ACCESS: Record<string, readonly Role[]> = {
  'POST /api/v1/auth/logout': EVERYONE,
  'GET /api/v1/me': EVERYONE,
  'GET /api/v1/me/reviews': ['admin', 'annotator'],
  'GET /api/v1/tokens': EVERYONE,
  'POST /api/v1/tokens': EVERYONE,
  'DELETE /api/v1/tokens/:tokenId': EVERYONE,
  'GET /api/v1/users': ['admin', 'manager', 'vendor_manager'],
  'POST /api/v1/users': ['admin'],
  'PATCH /api/v1/users/:userId': ['admin'],
  'GET /api/v1/vendors': ['admin', 'manager', 'vendor_manager'],
  'POST /api/v1/vendors': ['admin'],
  'GET /api/v1/vendors/:vendorId': ['admin', 'manager', 'vendor_manager'],
  'PATCH /api/v1/vendors/:vendorId': ['admin'],
  'GET /api/v1/projects/:projectId/vendors/scorecards': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects/:projectId/vendors/head-to-head': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/report': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/vendors/:vendorId/annotators': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects': EVERYONE,
  'POST /api/v1/projects': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId': EVERYONE,
  'PATCH /api/v1/projects/:projectId': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/schema': EVERYONE,
  'PUT /api/v1/projects/:projectId/schema': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/guidelines': EVERYONE,
  'PUT /api/v1/projects/:projectId/guidelines': ['admin', 'manager'],
  'POST /api/v1/projects/:projectId/items': ['admin', 'manager'],
  'POST /api/v1/projects/:projectId/gold': ['admin', 'manager'],
  'POST /api/v1/projects/:projectId/tasks/next': ['admin', 'annotator'],
  'POST /api/v1/tasks/next': ['admin', 'annotator'],
  'GET /api/v1/projects/:projectId/annotations': ['admin', 'manager', 'reviewer', 'annotator'],
  'GET /api/v1/projects/:projectId/progress': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects/:projectId/my-progress': ['admin', 'annotator'],
  'GET /api/v1/projects/:projectId/throughput': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects/:projectId/export': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/export/count': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/items': ['admin', 'manager', 'reviewer'],
  'GET /api/v1/projects/:projectId/items/:itemId': ['admin', 'manager', 'reviewer'],
  'GET /api/v1/projects/:projectId/results': ['admin', 'manager', 'reviewer'],
  'GET /api/v1/projects/:projectId/quality/annotators': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects/:projectId/quality/signals': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects/:projectId/signal-policy': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'PUT /api/v1/projects/:projectId/signal-policy': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/quality/gates': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'POST /api/v1/projects/:projectId/annotators/:userId/reinstate': ['admin', 'manager'],
  'GET /api/v1/projects/:projectId/quality/agreement': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'GET /api/v1/projects/:projectId/quality/calibration': ['admin', 'manager'],
  'POST /api/v1/tasks/:assignmentId/submit': ['admin', 'annotator'],
  'POST /api/v1/tasks/:assignmentId/skip': ['admin', 'annotator'],
  'GET /api/v1/projects/:projectId/review-policy': ['admin', 'manager', 'reviewer'],
  'PUT /api/v1/projects/:projectId/review-policy': ['admin', 'manager'],
  'POST /api/v1/projects/:projectId/reviews/next': ['admin', 'manager', 'reviewer'],
  'POST /api/v1/reviews/:reviewId/accept': ['admin', 'manager', 'reviewer'],
  'POST /api/v1/reviews/:reviewId/reject': ['admin', 'manager', 'reviewer'],
  'POST /api/v1/reviews/:reviewId/correct': ['admin', 'manager', 'reviewer'],
  'GET /api/v1/projects/:projectId/reviews': ['admin', 'manager', 'reviewer', 'annotator'],
  'GET /api/v1/projects/:projectId/reviews/tally': ['admin', 'manager', 'reviewer', 'vendor_manager'],
  'POST /api/v1/projects/:projectId/items/:itemId/flag': ['admin', 'manager', 'reviewer', 'annotator'],
  'POST /api/v1/qualifications': ['admin', 'manager'],
  'GET /api/v1/qualifications': EVERYONE,
  'GET /api/v1/qualifications/:qualificationId': EVERYONE,
  'POST /api/v1/qualifications/:qualificationId/attempts': ['admin', 'annotator'],
  'GET /api/v1/qualifications/:qualificationId/attempts': EVERYONE,
  'GET /api/v1/users/:userId/skills': ['admin', 'manager', 'vendor_manager', 'annotator'],
};
/** The roles `ACCESS` allows on a route; none for a route it does not list. */
export const allowedRoles = (r: RouteEntry): readonly Role[] => ACCESS[routeKey(r)] ?? [];

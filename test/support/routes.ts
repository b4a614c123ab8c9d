/**
 * Helpers for suites that sweep the whole API: the app's real route table (read from Fastify's router, so a route
 * hidden from the OpenAPI document is still covered), URL templating, and row counts for "nothing was written".
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.js';
import { buildApp } from '../../src/api/app.js';
import { makeDeps } from '../../src/services/deps.js';
import { openStore } from '../../src/store/db.js';
import { labelSchema, toJsonl } from '../factories.js';

export interface RouteEntry {
  method: string;
  /** Fastify's pattern, e.g. `/api/v1/projects/:projectId/items`. */
  url: string;
}

/**
 * Every (method, url) the router serves, parsed from `printRoutes({ commonPrefix: false })`: each line is a tree
 * node `── /segment (GET, HEAD)` whose full path is its ancestors' paths joined with its own.
 */
export function listRoutes(app: FastifyInstance): RouteEntry[] {
  const text = app.printRoutes({ commonPrefix: false });
  const stack: { depth: number; path: string }[] = [];
  const routes: RouteEntry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(.*?)[└├]── (\S+)(?: \(([^)]*)\))?\s*$/.exec(line);
    if (!m) continue;
    const depth = m[1]!.length / 4;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]?.path ?? '';
    const path = parent + m[2]!;
    stack.push({ depth, path });
    for (const method of (m[3] ?? '').split(',').map((s) => s.trim()).filter(Boolean)) routes.push({ method, url: path });
  }
  return routes;
}

export interface DocumentedRoute extends RouteEntry {
  /** The names of its documented querystring parameters. */
  query: string[];
}

/** The operations the OpenAPI document lists, with Fastify-style `:param` placeholders. */
export function listDocumentedRoutes(app: FastifyInstance): DocumentedRoute[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
  return Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      url: path.replace(/\{(\w+)\}/g, ':$1'),
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    })),
  );
}

/** Replaces each `:name` in a route pattern with `params[name]` (or `fallback`). */
export function fillParams(url: string, params: Record<string, string> = {}, fallback = 'nonexistent0000'): string {
  return url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? fallback));
}

/** Tables whose row counts prove a rejected request wrote nothing. */
export const COUNTED_TABLES = [
  'organizations',
  'users',
  'api_tokens',
  'vendors',
  'annotator_profiles',
  'projects',
  'project_schemas',
  'guidelines',
  'project_vendors',
  'items',
  'gold_answers',
  'assignments',
  'annotations',
  'review_policies',
  'item_flags',
  'reviews',
  'annotator_project_status',
  'events',
] as const satisfies readonly (keyof DB)[];
export type CountedTable = (typeof COUNTED_TABLES)[number];

/** Row count of every counted table. */
export async function countRows(db: Kysely<DB>): Promise<Record<CountedTable, number>> {
  const out = {} as Record<CountedTable, number>;
  for (const table of COUNTED_TABLES) {
    const r = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(r.n);
  }
  return out;
}

/** The route table of a freshly built app (its store is an unmigrated in-memory SQLite: building touches no table). */
export async function readRouteTable(): Promise<{ routes: RouteEntry[]; documented: DocumentedRoute[] }> {
  const store = openStore('sqlite::memory:');
  const app = await buildApp({ deps: makeDeps(store) });
  try {
    await app.ready();
    return { routes: listRoutes(app), documented: listDocumentedRoutes(app) };
  } finally {
    await app.close();
    await store.close();
  }
}

export const routeKey = (r: RouteEntry) => `${r.method} ${r.url}`;

/** A request ready for `Client.request` or `app.inject`. */
export interface SampleRequest {
  method: string;
  url: string;
  /** An object is sent as JSON; a string is sent as is with `headers['content-type']`. */
  payload?: object | string;
  headers?: Record<string, string>;
}

let sampleCounter = 0;
const sampleUnique = () => `${Date.now().toString(36)}s${(sampleCounter++).toString(36)}`;

/**
 * A well-formed body for each route that takes one, so a refusal is about who asks, never about a malformed
 * request (zod validates bodies before a handler runs). Fresh names and ids on every call, so a request that is
 * wrongly allowed would really write.
 */
const SAMPLE_BODIES: Record<string, () => Pick<SampleRequest, 'payload' | 'headers'>> = {
  'POST /api/v1/auth/login': () => ({ payload: { email: 'nobody@test.assay', password: 'not the password' } }),
  'POST /api/v1/auth/logout': () => ({}),
  'POST /api/v1/setup': () => ({ payload: { organization: `Sweep ${sampleUnique()}`, name: 'Sweep', email: `sweep-${sampleUnique()}@test.assay`, password: 'correct horse battery' } }),
  'POST /api/v1/tokens': () => ({ payload: { name: `sweep ${sampleUnique()}` } }),
  'POST /api/v1/users': () => ({
    payload: { email: `sweep-${sampleUnique()}@test.assay`, name: 'Created by a sweep', role: 'annotator', password: 'correct horse battery' },
  }),
  'PATCH /api/v1/users/:userId': () => ({ payload: { name: `Renamed by a sweep ${sampleUnique()}` } }),
  'POST /api/v1/vendors': () => ({ payload: { name: `Vendor ${sampleUnique()}`, kind: 'crowd' } }),
  'PATCH /api/v1/vendors/:vendorId': () => ({ payload: { payModel: 'per_task', payRateMinor: 12, currency: 'USD' } }),
  'POST /api/v1/projects': () => ({ payload: { name: `Sweep ${sampleUnique()}`, schema: labelSchema, overlapK: 1 } }),
  'PATCH /api/v1/projects/:projectId': () => ({ payload: { name: `Renamed by a sweep ${sampleUnique()}`, overlapK: 3 } }),
  'PUT /api/v1/projects/:projectId/schema': () => ({ payload: labelSchema }),
  'PUT /api/v1/projects/:projectId/guidelines': () => ({ payload: { markdown: `# Replaced by a sweep ${sampleUnique()}` } }),
  'POST /api/v1/projects/:projectId/items': () => {
    const u = sampleUnique();
    return {
      payload: toJsonl([
        { id: `sweep-${u}-1`, data: { text: 'Imported by a sweep.' } },
        { id: `sweep-${u}-2`, data: { text: 'Imported by a sweep, too.' } },
      ]),
      headers: { 'content-type': 'application/x-ndjson' },
    };
  },
  'POST /api/v1/projects/:projectId/gold': () => ({
    payload: toJsonl([{ id: 'it-1', answers: { sentiment: 'neg' }, explanation: 'Set by a sweep.' }]),
    headers: { 'content-type': 'application/x-ndjson' },
  }),
  'POST /api/v1/projects/:projectId/tasks/next': () => ({ payload: {} }),
  'POST /api/v1/tasks/next': () => ({ payload: {} }),
  'POST /api/v1/tasks/:assignmentId/submit': () => ({ payload: { answers: { sentiment: 'pos' }, timeSpentMs: 100 } }),
  'POST /api/v1/tasks/:assignmentId/skip': () => ({ payload: { reason: 'Skipped by a sweep' } }),
  'PUT /api/v1/projects/:projectId/review-policy': () => ({ payload: { sampleRate: 0.5, firstN: 3, flagged: true } }),
  'PUT /api/v1/projects/:projectId/signal-policy': () => ({ payload: { tooFastRatio: 0.2, pastedShare: 0.6 } }),
  'POST /api/v1/projects/:projectId/reviews/next': () => ({ payload: {} }),
  'POST /api/v1/reviews/:reviewId/accept': () => ({ payload: {} }),
  'POST /api/v1/reviews/:reviewId/reject': () => ({ payload: { reason: 'Rejected by a sweep' } }),
  'POST /api/v1/reviews/:reviewId/correct': () => ({ payload: { answers: { sentiment: 'neu' }, timeSpentMs: 100 } }),
  'POST /api/v1/projects/:projectId/items/:itemId/flag': () => ({ payload: { reason: 'Flagged by a sweep' } }),
  'POST /api/v1/projects/:projectId/annotators/:userId/reinstate': () => ({}),
  'POST /api/v1/qualifications': () => ({
    payload: { name: `Qualification ${sampleUnique()}`, domain: 'medicine', schema: labelSchema, passMark: 0.8, attemptSize: 5, cooldownHours: 24 },
  }),
  'POST /api/v1/qualifications/:qualificationId/attempts': () => ({ payload: {} }),
};

/** A well-formed request for `route` with its `:params` filled in; throws for a body-taking route it does not know. */
export function sampleRequest(route: RouteEntry, params: Record<string, string> = {}): SampleRequest {
  const url = fillParams(route.url, params);
  const body = SAMPLE_BODIES[routeKey(route)];
  if (body) return { method: route.method, url, ...body() };
  if (['GET', 'HEAD', 'DELETE'].includes(route.method)) return { method: route.method, url };
  throw new Error(`No sample body for ${routeKey(route)}: add one to SAMPLE_BODIES in test/support/routes.ts`);
}

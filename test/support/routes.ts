/**
 * Helpers for suites that sweep the whole API: the app's real route table (read from Fastify's router, so a route
 * hidden from the OpenAPI document is still covered), URL templating, and row counts for "nothing was written".
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { DB } from '../../src/store/schema.js';

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

/** The operations the OpenAPI document lists, with Fastify-style `:param` placeholders. */
export function listDocumentedRoutes(app: FastifyInstance): RouteEntry[] {
  const doc = app.swagger() as { paths?: Record<string, Record<string, unknown>> };
  return Object.entries(doc.paths ?? {}).flatMap(([path, ops]) =>
    Object.keys(ops).map((method) => ({ method: method.toUpperCase(), url: path.replace(/\{(\w+)\}/g, ':$1') })),
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

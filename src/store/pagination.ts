/**
 * Keyset (cursor) pagination over `(created_at, id)` — stable under inserts, and an index seek per page instead
 * of an OFFSET scan. The cursor is opaque to clients: base64url of the last row's key.
 */
import { invalid } from '../core/errors.js';

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface PageKey {
  createdAt: string;
  id: string;
}

export const MAX_PAGE_SIZE = 500;

export function encodeCursor(key: PageKey): string {
  return Buffer.from(JSON.stringify([key.createdAt, key.id])).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): PageKey | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
      return { createdAt: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor is not one this server issued', 'cursor');
}

/**
 * The keyset condition "after this cursor" over `(created_at, id)`, for any query builder (kept loose in type so
 * every table's builder accepts it).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works across the tables' expression builders
export function afterKey(eb: any, key: PageKey, prefix = '') {
  return eb.or([
    eb(`${prefix}created_at`, '>', key.createdAt),
    eb.and([eb(`${prefix}created_at`, '=', key.createdAt), eb(`${prefix}id`, '>', key.id)]),
  ]);
}

/** Given `limit + 1` rows, returns the page and the cursor after its last row. */
export function toPage<T extends { created_at: string; id: string }, U>(
  rows: T[],
  limit: number,
  present: (row: T) => U,
): Page<U> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(present),
    nextCursor: more && last ? encodeCursor({ createdAt: last.created_at, id: last.id }) : null,
  };
}

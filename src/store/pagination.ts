/**
 * Keyset (cursor) pagination — stable under inserts, and an index seek per page instead of an OFFSET scan. Lists
 * page over `(created_at, id)`, items in serving order over `(seq, id)`; both cursors are the one codec below,
 * opaque to clients: base64url of the last row's key.
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

/** Position of an item in serving order. */
export interface SeqKey {
  seq: number;
  id: string;
}

const encodePair = (first: string | number, id: string): string => Buffer.from(JSON.stringify([first, id])).toString('base64url');

/** The `[first, id]` pair a cursor holds, or null for no cursor; `isFirst` checks the first part's type. */
function decodePair<F>(cursor: string | undefined, isFirst: (v: unknown) => v is F): [F, string] | null {
  if (!cursor) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2 && isFirst(parsed[0]) && typeof parsed[1] === 'string') return [parsed[0], parsed[1]];
  } catch {
    // fall through to the error below
  }
  throw invalid('cursor is not one this server issued', 'cursor');
}

const isString = (v: unknown): v is string => typeof v === 'string';
const isInteger = (v: unknown): v is number => Number.isInteger(v);

export const encodeCursor = (key: PageKey): string => encodePair(key.createdAt, key.id);

export function decodeCursor(cursor: string | undefined): PageKey | null {
  const pair = decodePair(cursor, isString);
  return pair && { createdAt: pair[0], id: pair[1] };
}

export const encodeSeqCursor = (key: SeqKey): string => encodePair(key.seq, key.id);

export function decodeSeqCursor(cursor: string | undefined): SeqKey | null {
  const pair = decodePair(cursor, isInteger);
  return pair && { seq: pair[0], id: pair[1] };
}

/** `(a.seq, a.id) > (b.seq, b.id)`: the order items are listed in. */
export const isAfter = (a: SeqKey, b: SeqKey): boolean => a.seq > b.seq || (a.seq === b.seq && a.id > b.id);

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

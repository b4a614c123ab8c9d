/**
 * Opaque, non-sequential ids: a type prefix and 120 random bits. Gold items must not be guessable from their ids,
 * and nothing about an id tells its creation order.
 */
import { randomBytes } from 'node:crypto';

export const ID_PREFIXES = {
  organization: 'org',
  user: 'usr',
  vendor: 'vnd',
  token: 'tok',
  project: 'prj',
  item: 'itm',
  assignment: 'asg',
  annotation: 'ann',
  import: 'imp',
  review: 'rev',
  event: 'evt',
  attempt: 'qat',
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

// Random bytes are drawn 4 KiB at a time: one call per id costs more than the rest of a bulk import's row.
const POOL_SIZE = 4096;
let pool = Buffer.alloc(0);
let offset = POOL_SIZE;

function random15(): string {
  if (offset + 15 > pool.length) {
    pool = randomBytes(POOL_SIZE);
    offset = 0;
  }
  const s = pool.toString('base64url', offset, offset + 15);
  offset += 15;
  return s;
}

export const newId = (kind: IdKind): string => `${ID_PREFIXES[kind]}_${random15()}`;

/** A secret with enough entropy to be stored as a plain sha256 (session and API tokens). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const nowIso = (): string => new Date().toISOString();

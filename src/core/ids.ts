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
} as const;
export type IdKind = keyof typeof ID_PREFIXES;

export const newId = (kind: IdKind): string => `${ID_PREFIXES[kind]}_${randomBytes(15).toString('base64url')}`;

/** A secret with enough entropy to be stored as a plain sha256 (session and API tokens). */
export const newSecret = (): string => randomBytes(32).toString('base64url');

export const nowIso = (): string => new Date().toISOString();

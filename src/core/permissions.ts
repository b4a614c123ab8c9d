/**
 * Who may do what: roles and permissions as closed unions, one table from role to permissions, and scope
 * predicates over plain data. Services call `authorize` as their first statement and `inScope` before touching a
 * row; route handlers never decide permissions (STYLE.md §2).
 */
import { forbidden, notFound } from './errors.js';

export const ROLES = ['admin', 'manager', 'reviewer', 'annotator', 'vendor_manager'] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'user.manage', // create users, change roles, deactivate
  'user.read', // list the organization's people
  'vendor.manage',
  'vendor.read',
  'token.manage_own', // create and revoke one's own API tokens
  'project.create',
  'project.update', // settings, schema and guideline versions
  'project.read',
  'item.import',
  'item.read', // items with their data, outside the task flow
  'gold.manage', // read and write gold answers
  'task.claim', // ask for the next task, submit and skip it
  'annotation.read_all', // every annotation of a project
  'annotation.read_own',
  'progress.read',
  'export.run',
  'review.perform', // take annotations into review and accept, reject or correct them
  'report.read', // the quality report: every vendor side by side, head-to-heads, signals
  'organization.create', // the first run: the first organization and its admin (the system actor only)
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** Permissions no role holds: only the system actor (the CLI, or the first-run screen before anyone exists) acts so. */
export const SYSTEM_ONLY: readonly Permission[] = ['organization.create'];
const ALL: readonly Permission[] = PERMISSIONS.filter((p) => !SYSTEM_ONLY.includes(p));

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: ALL,
  manager: [
    'user.read',
    'vendor.read',
    'token.manage_own',
    'project.create',
    'project.update',
    'project.read',
    'item.import',
    'item.read',
    'gold.manage',
    'annotation.read_all',
    'progress.read',
    'export.run',
    'review.perform',
    'report.read',
  ],
  reviewer: ['token.manage_own', 'project.read', 'item.read', 'annotation.read_all', 'progress.read', 'review.perform'],
  annotator: ['token.manage_own', 'project.read', 'task.claim', 'annotation.read_own'],
  vendor_manager: ['token.manage_own', 'vendor.read', 'user.read', 'project.read', 'progress.read'],
};

/** The one who acts: a signed-in user, or the system itself (CLI, jobs) scoped to an organization or to all. */
export type Actor =
  | { kind: 'user'; userId: string; orgId: string; role: Role; vendorId: string | null }
  | { kind: 'system'; orgId: string | null };

export const systemActor = (orgId: string | null = null): Actor => ({ kind: 'system', orgId });

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

export function can(actor: Actor, permission: Permission): boolean {
  if (actor.kind === 'system') return true;
  return ROLE_PERMISSIONS[actor.role].includes(permission);
}

/** Throws `forbidden` unless the actor's role grants the permission. */
export function authorize(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw forbidden(`Your role does not allow ${permission}`);
}

/** True when the row belongs to the actor's organization (the system actor without an org sees every org). */
export function sameOrganization(actor: Actor, row: { org_id: string }): boolean {
  return actor.kind === 'system' ? actor.orgId === null || actor.orgId === row.org_id : actor.orgId === row.org_id;
}

/** True when the actor is the annotator the row belongs to. */
export function isOwner(actor: Actor, row: { annotator_id: string }): boolean {
  return actor.kind === 'user' && actor.userId === row.annotator_id;
}

/**
 * Loads-then-checks helper: returns the row when it exists and is in the actor's organization, else throws
 * one `not_found` for both cases, so ids outside one's scope cannot be probed.
 */
export function requireInOrg<T extends { org_id: string }>(actor: Actor, row: T | undefined, what: string): T {
  if (!row || !sameOrganization(actor, row)) throw notFound(what);
  return row;
}

/**
 * The vendor whose work alone the actor may count (a vendor manager: their own vendor's annotators), or undefined
 * when the role sees the whole organization's work. A vendor manager without a vendor sees nobody's ('').
 */
export function vendorScopeOf(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === 'vendor_manager' ? (actor.vendorId ?? '') : undefined;
}

/** Who to record as the author of a write: the user's id, or `system` for the CLI and jobs. */
export const actorId = (actor: Actor): string => (actor.kind === 'user' ? actor.userId : 'system');

/** The organization an actor acts in; the system actor must name one for writes that create org-owned rows. */
export function actorOrg(actor: Actor): string | null {
  return actor.orgId;
}

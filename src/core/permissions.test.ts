import { describe, expect, it } from 'vitest';
import { AssayError } from './errors.js';
import {
  PERMISSIONS,
  ROLES,
  ROLE_PERMISSIONS,
  actorOrg,
  authorize,
  can,
  isOwner,
  isRole,
  requireInOrg,
  sameOrganization,
  systemActor,
  type Actor,
  type Permission,
  type Role,
} from './permissions.js';

/**
 * The table written out again by hand, one row per role, so a change to `ROLE_PERMISSIONS` has to be made twice
 * and read by someone: this is the security contract of the API.
 */
const EXPECTED: Record<Role, readonly Permission[]> = {
  admin: PERMISSIONS.filter((p) => p !== 'organization.create'),
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

const user = (role: Role, over: Partial<Extract<Actor, { kind: 'user' }>> = {}): Actor => ({
  kind: 'user',
  userId: `user-${role}`,
  orgId: 'org-a',
  role,
  vendorId: null,
  ...over,
});

const cells = ROLES.flatMap((role) => PERMISSIONS.map((permission) => ({ role, permission, granted: EXPECTED[role].includes(permission) })));

describe('ROLE_PERMISSIONS', () => {
  it('has a row for every role and no other', () => {
    expect(Object.keys(ROLE_PERMISSIONS).sort()).toEqual([...ROLES].sort());
  });

  it.each(ROLES)('lists only known permissions, each once, for %s', (role) => {
    const row = ROLE_PERMISSIONS[role];
    for (const p of row) expect(PERMISSIONS).toContain(p);
    expect(new Set(row).size).toBe(row.length);
  });

  it.each(ROLES)('grants %s exactly the permissions of its row', (role) => {
    expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...EXPECTED[role]].sort());
  });

  it('keeps user and vendor management to admins', () => {
    const holders = (p: Permission) => ROLES.filter((r) => ROLE_PERMISSIONS[r].includes(p));
    expect(holders('user.manage')).toEqual(['admin']);
    expect(holders('vendor.manage')).toEqual(['admin']);
  });

  it('keeps gold, imports and exports away from annotators, reviewers and vendor managers', () => {
    for (const role of ['annotator', 'reviewer', 'vendor_manager'] as const) {
      for (const p of ['gold.manage', 'item.import', 'export.run', 'project.create', 'project.update'] as const) {
        expect(ROLE_PERMISSIONS[role]).not.toContain(p);
      }
    }
  });

  it('lets an annotator read only their own annotations and no item outside the task flow', () => {
    expect(ROLE_PERMISSIONS.annotator).toContain('annotation.read_own');
    expect(ROLE_PERMISSIONS.annotator).not.toContain('annotation.read_all');
    expect(ROLE_PERMISSIONS.annotator).not.toContain('item.read');
    expect(ROLE_PERMISSIONS.annotator).not.toContain('progress.read');
  });

  it('gives every role its own API tokens and read access to projects it can reach', () => {
    for (const role of ROLES) {
      expect(ROLE_PERMISSIONS[role]).toContain('token.manage_own');
      expect(ROLE_PERMISSIONS[role]).toContain('project.read');
    }
  });
});

describe('can', () => {
  it.each(cells)('answers $granted for $role and $permission', ({ role, permission, granted }) => {
    expect(can(user(role), permission)).toBe(granted);
  });

  it.each(PERMISSIONS)('lets the system actor do %s, scoped or not', (permission) => {
    expect(can(systemActor(), permission)).toBe(true);
    expect(can(systemActor('org-a'), permission)).toBe(true);
  });

  it('does not depend on the organization or vendor of the user', () => {
    expect(can(user('annotator', { orgId: 'org-b', vendorId: 'v1' }), 'task.claim')).toBe(true);
    expect(can(user('annotator', { orgId: 'org-b', vendorId: 'v1' }), 'export.run')).toBe(false);
  });
});

describe('authorize', () => {
  it.each(cells.filter((c) => c.granted))('lets $role through to $permission', ({ role, permission }) => {
    expect(() => authorize(user(role), permission)).not.toThrow();
  });

  it.each(cells.filter((c) => !c.granted))('stops $role at $permission with forbidden', ({ role, permission }) => {
    let thrown: unknown;
    try {
      authorize(user(role), permission);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(AssayError);
    expect((thrown as AssayError).code).toBe('forbidden');
    expect((thrown as AssayError).message).toContain(permission);
  });

  it('never stops the system actor', () => {
    for (const p of PERMISSIONS) expect(() => authorize(systemActor('org-a'), p)).not.toThrow();
  });
});

describe('sameOrganization', () => {
  const rowA = { org_id: 'org-a' };
  const rowB = { org_id: 'org-b' };

  it('is true for a user and a row of their organization', () => {
    expect(sameOrganization(user('manager'), rowA)).toBe(true);
  });

  it.each(ROLES)('is false for a %s and a row of another organization', (role) => {
    expect(sameOrganization(user(role), rowB)).toBe(false);
  });

  it('lets the unscoped system actor see every organization', () => {
    expect(sameOrganization(systemActor(), rowA)).toBe(true);
    expect(sameOrganization(systemActor(null), rowB)).toBe(true);
  });

  it('keeps a scoped system actor to its organization', () => {
    expect(sameOrganization(systemActor('org-a'), rowA)).toBe(true);
    expect(sameOrganization(systemActor('org-a'), rowB)).toBe(false);
  });

  it('compares ids exactly, not by prefix or case', () => {
    expect(sameOrganization(user('admin'), { org_id: 'org-a2' })).toBe(false);
    expect(sameOrganization(user('admin'), { org_id: 'ORG-A' })).toBe(false);
    expect(sameOrganization(user('admin'), { org_id: '' })).toBe(false);
  });
});

describe('isOwner', () => {
  it('is true for the annotator the row belongs to', () => {
    expect(isOwner(user('annotator', { userId: 'u1' }), { annotator_id: 'u1' })).toBe(true);
  });

  it('is false for another user, whatever their role', () => {
    for (const role of ROLES) expect(isOwner(user(role, { userId: 'u2' }), { annotator_id: 'u1' })).toBe(false);
  });

  it('is false for the system actor, which owns no assignment', () => {
    expect(isOwner(systemActor(), { annotator_id: 'u1' })).toBe(false);
    expect(isOwner(systemActor('org-a'), { annotator_id: 'u1' })).toBe(false);
  });
});

describe('requireInOrg', () => {
  const catchError = (fn: () => unknown): AssayError => {
    try {
      fn();
    } catch (e) {
      if (e instanceof AssayError) return e;
      throw e;
    }
    throw new Error('expected an AssayError');
  };

  it('returns the very row when it is in the actor organization', () => {
    const row = { id: 'p1', org_id: 'org-a', name: 'x' };
    expect(requireInOrg(user('manager'), row, 'Project')).toBe(row);
  });

  it('throws not_found for a missing row', () => {
    const e = catchError(() => requireInOrg(user('manager'), undefined, 'Project'));
    expect(e.code).toBe('not_found');
    expect(e.message).toBe('Project not found or no access');
  });

  it('throws the same not_found for a row of another organization, so ids cannot be probed', () => {
    const missing = catchError(() => requireInOrg(user('admin'), undefined, 'Project'));
    const foreign = catchError(() => requireInOrg(user('admin'), { org_id: 'org-b' }, 'Project'));
    expect(foreign.code).toBe('not_found');
    expect({ code: foreign.code, message: foreign.message, field: foreign.field }).toEqual({
      code: missing.code,
      message: missing.message,
      field: missing.field,
    });
  });

  it('lets the unscoped system actor load any organization row and keeps a scoped one to its own', () => {
    const row = { org_id: 'org-b' };
    expect(requireInOrg(systemActor(), row, 'User')).toBe(row);
    expect(catchError(() => requireInOrg(systemActor('org-a'), row, 'User')).code).toBe('not_found');
  });
});

describe('small helpers', () => {
  it.each(ROLES)('recognises %s as a role', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each(['', 'Admin', 'root', 'superuser', 'annotator '])('rejects %j as a role', (value) => {
    expect(isRole(value)).toBe(false);
  });

  it('builds an unscoped system actor by default', () => {
    expect(systemActor()).toEqual({ kind: 'system', orgId: null });
    expect(systemActor('org-a')).toEqual({ kind: 'system', orgId: 'org-a' });
  });

  it('reports the organization an actor acts in', () => {
    expect(actorOrg(user('reviewer'))).toBe('org-a');
    expect(actorOrg(systemActor())).toBeNull();
    expect(actorOrg(systemActor('org-z'))).toBe('org-z');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { openTestDeps, type TestDeps } from '../test-support/service-deps.js';
import { createOrganization } from './organizations.js';
import { findSoleOrganization } from './sole-organization.js';

describe('findSoleOrganization', () => {
  let t: TestDeps;
  beforeAll(async () => (t = await openTestDeps()));
  afterAll(() => t.close());

  it("gives the only organization, the actor's own, and says when there are several; a manager may not ask", async () => {
    expect(await findSoleOrganization(t.deps, systemActor())).toEqual({ kind: 'one', id: t.orgId });
    const other = await createOrganization(t.deps, 'Other Lab');
    expect(await findSoleOrganization(t.deps, systemActor())).toEqual({ kind: 'several' });
    expect(await findSoleOrganization(t.deps, systemActor(other.id))).toEqual({ kind: 'one', id: other.id });
    await expect(findSoleOrganization(t.deps, t.manager)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

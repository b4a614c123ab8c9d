import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { openTestDeps, type TestDeps } from '../test-support/service-deps.js';
import { findUser } from './find-user.js';
import { createOrganization } from './organizations.js';

describe('findUser', () => {
  let t: TestDeps;
  beforeAll(async () => (t = await openTestDeps()));
  afterAll(() => t.close());

  it('finds a user by email in any case, with their organization, for the unscoped system', async () => {
    expect(await findUser(t.deps, systemActor(), 'Manager@Service.Test')).toMatchObject({ email: 'manager@service.test', role: 'manager', orgId: t.orgId });
    expect(await findUser(t.deps, systemActor(), 'nobody@service.test')).toBeUndefined();
  });

  it('reads a user of another organization as absent, and refuses an annotator', async () => {
    const other = await createOrganization(t.deps, 'Other Lab');
    expect(await findUser(t.deps, systemActor(other.id), 'manager@service.test')).toBeUndefined();
    await expect(findUser(t.deps, t.annotator, 'manager@service.test')).rejects.toMatchObject({ code: 'forbidden' });
  });
});

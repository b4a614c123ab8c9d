import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDeps, type TestDeps } from '../test-support/service-deps.js';
import { createUser, pseudonymFor } from './users.js';
import { createVendor } from './vendors.js';

describe('createUser', () => {
  let t: TestDeps;
  beforeAll(async () => (t = await openTestDeps()));
  afterAll(() => t.close());

  it('keeps the email trimmed and lower-cased, and refuses a second user with it in any case', async () => {
    const user = await createUser(t.deps, t.admin, { email: '  Grace@Lab.Example ', name: 'Grace', role: 'reviewer' });
    expect(user).toMatchObject({ email: 'grace@lab.example', role: 'reviewer', vendorId: null, active: true, createdAt: '2026-01-01T00:00:00.000Z' });
    await expect(createUser(t.deps, t.admin, { email: 'GRACE@lab.example', name: 'Other', role: 'annotator' })).rejects.toMatchObject({
      code: 'conflict',
      field: 'email',
    });
  });

  it('derives the pseudonym from the secret and the id, so every export names the user alike', async () => {
    const user = await createUser(t.deps, t.admin, { email: 'ann@lab.example', name: 'Ann', role: 'annotator' });
    expect(user.pseudonym).toBe(pseudonymFor(t.deps.secret, user.id, 'annotator'));
    expect(user.pseudonym).toMatch(/^annotator-[0-9a-f]{10}$/);
    expect(pseudonymFor('another-secret-0123456789', user.id, 'annotator')).not.toBe(user.pseudonym);
  });

  it('refuses a vendor manager without a vendor, naming the field, and takes one with a vendor of the organization', async () => {
    await expect(createUser(t.deps, t.admin, { email: 'vm@lab.example', name: 'Vm', role: 'vendor_manager' })).rejects.toMatchObject({
      code: 'invalid',
      field: 'vendorId',
    });
    const vendor = await createVendor(t.deps, t.admin, { name: 'Acme Crowd', kind: 'crowd' });
    const vm = await createUser(t.deps, t.admin, { email: 'vm@lab.example', name: 'Vm', role: 'vendor_manager', vendorId: vendor.id });
    expect(vm.vendorId).toBe(vendor.id);
  });

  it('refuses an unknown role and a manager, who may read users but not make them', async () => {
    await expect(createUser(t.deps, t.admin, { email: 'w@lab.example', name: 'W', role: 'wizard' as never })).rejects.toMatchObject({ code: 'invalid', field: 'role' });
    await expect(createUser(t.deps, t.manager, { email: 'm2@lab.example', name: 'M2', role: 'annotator' })).rejects.toMatchObject({ code: 'forbidden' });
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOf, openTestDeps, type TestDeps } from '../test-support/service-deps.js';
import { createUser } from './users.js';
import { createVendor, listVendors, updateVendor } from './vendors.js';

describe('updateVendor', () => {
  let t: TestDeps;
  let vendorId: string;
  beforeAll(async () => {
    t = await openTestDeps();
    vendorId = (await createVendor(t.deps, t.admin, { name: 'Northwind', kind: 'expert_network' })).id;
  });
  afterAll(() => t.close());

  it('sets pay terms whole, keeps them through a rename, and clears them all at once', async () => {
    const set = await updateVendor(t.deps, t.admin, vendorId, { payModel: 'per_task', payRateMinor: 35, currency: 'EUR' });
    expect(set.payTerms).toEqual({ model: 'per_task', rateMinor: 35, currency: 'EUR' });
    const renamed = await updateVendor(t.deps, t.admin, vendorId, { name: 'Northwind Experts' });
    expect(renamed).toMatchObject({ name: 'Northwind Experts', payTerms: { rateMinor: 35 } });
    const cleared = await updateVendor(t.deps, t.admin, vendorId, { payModel: null, payRateMinor: null, currency: null });
    expect(cleared.payTerms).toBeNull();
  });

  it('refuses half the pay terms naming the missing one, and writes nothing', async () => {
    await expect(updateVendor(t.deps, t.admin, vendorId, { payModel: 'per_hour', currency: 'USD' })).rejects.toMatchObject({
      code: 'invalid',
      field: 'payRateMinor',
    });
    await expect(updateVendor(t.deps, t.admin, vendorId, { payRateMinor: 1.5 })).rejects.toMatchObject({ field: 'payRateMinor' });
    await expect(updateVendor(t.deps, t.admin, vendorId, { currency: 'usd' })).rejects.toMatchObject({ field: 'currency' });
    const [v] = (await listVendors(t.deps, t.admin)).items.filter((x) => x.id === vendorId);
    expect(v!.payTerms).toBeNull();
  });

  it('refuses the name of another vendor of the organization', async () => {
    await createVendor(t.deps, t.admin, { name: 'Contoso', kind: 'crowd' });
    await expect(updateVendor(t.deps, t.admin, vendorId, { name: 'Contoso' })).rejects.toMatchObject({ code: 'conflict', field: 'name' });
  });
});

describe('listVendors', () => {
  it("shows a vendor manager only its own vendor, and a manager all of the organization's", async () => {
    const t = await openTestDeps();
    try {
      const own = await createVendor(t.deps, t.admin, { name: 'Own', kind: 'crowd' });
      await createVendor(t.deps, t.admin, { name: 'Other', kind: 'crowd' });
      const vm = actorOf(await createUser(t.deps, t.admin, { email: 'vm@lab.example', name: 'Vm', role: 'vendor_manager', vendorId: own.id }), t.orgId);
      expect((await listVendors(t.deps, vm)).items.map((v) => v.name)).toEqual(['Own']);
      expect((await listVendors(t.deps, t.manager)).items.map((v) => v.name).sort()).toEqual(['Other', 'Own']);
    } finally {
      await t.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../core/permissions.js';
import { openTestDeps, type TestDeps } from '../test-support/service-deps.js';
import { createOrganization } from '../workforce/organizations.js';
import { createProject } from './create-project.js';
import { findProjectOrganization } from './project-organization.js';

const schema = {
  questions: [{ id: 'q', type: 'label', prompt: 'Which?', field: 'text', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }],
} as const;

describe('findProjectOrganization', () => {
  let t: TestDeps;
  let projectId: string;
  beforeAll(async () => {
    t = await openTestDeps();
    projectId = (await createProject(t.deps, t.manager, { name: 'p', schema: schema as never })).id;
  });
  afterAll(() => t.close());

  it("gives the unscoped system the project's organization, and nothing for an unknown id", async () => {
    expect(await findProjectOrganization(t.deps, systemActor(), projectId)).toBe(t.orgId);
    expect(await findProjectOrganization(t.deps, systemActor(), 'prj_missing')).toBeUndefined();
  });

  it('reads a project of another organization as absent', async () => {
    const other = await createOrganization(t.deps, 'Other Lab');
    expect(await findProjectOrganization(t.deps, systemActor(other.id), projectId)).toBeUndefined();
  });
});

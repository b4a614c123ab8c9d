import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_QUALITY_GATE } from '../../core/gold/quality-gate.js';
import { getProject as getProjectRow } from '../../store/projects.js';
import { openTestDeps, type TestDeps } from '../test-support/service-deps.js';
import { createProject } from './create-project.js';
import { getProject } from './get-project.js';
import { updateProject } from './update-project.js';

const schema = { questions: [{ id: 'q', type: 'label', prompt: 'Which?', field: 'text', options: [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }] }] };

describe('updateProject', () => {
  let t: TestDeps;
  beforeAll(async () => (t = await openTestDeps()));
  afterAll(() => t.close());

  it('stores the gate policy and the exclude-paused switch as the project carries them, and shows them back', async () => {
    const created = await createProject(t.deps, t.manager, { name: 'Gate', schema });
    expect(created).toMatchObject({ qualityGate: DEFAULT_QUALITY_GATE, excludePaused: false, status: 'active', kind: 'production' });

    const updated = await updateProject(t.deps, t.manager, created.id, { qualityGate: { floor: 0.7, chance: 0.2 }, excludePaused: true });
    expect(updated).toMatchObject({ qualityGate: { enabled: true, floor: 0.7, chance: 0.2 }, excludePaused: true });

    const stored = await getProjectRow(t.deps.store.db, created.id);
    expect(stored).toMatchObject({ gate: { enabled: true, floor: 0.7, chance: 0.2 }, exclude_paused: true });
    expect(stored).not.toHaveProperty('gate_enabled');
    expect(await getProject(t.deps, t.manager, created.id)).toEqual(updated);
  });

  it('keeps the fields of the gate left out, and clears the chance with null (back to the schema)', async () => {
    const p = await createProject(t.deps, t.manager, { name: 'Partial', schema, qualityGate: { chance: 0.3 } });
    const off = await updateProject(t.deps, t.manager, p.id, { qualityGate: { enabled: false } });
    expect(off.qualityGate).toEqual({ enabled: false, floor: DEFAULT_QUALITY_GATE.floor, chance: 0.3 });
    const fromSchema = await updateProject(t.deps, t.manager, p.id, { qualityGate: { chance: null } });
    expect(fromSchema.qualityGate).toEqual({ enabled: false, floor: DEFAULT_QUALITY_GATE.floor, chance: null });
  });

  it('refuses the old fixed gate rules, naming the field, and changes nothing', async () => {
    const p = await createProject(t.deps, t.manager, { name: 'Old rules', schema });
    await expect(updateProject(t.deps, t.manager, p.id, { qualityGate: { minGold: 10 } })).rejects.toMatchObject({ code: 'invalid', field: 'qualityGate.minGold' });
    expect((await getProjectRow(t.deps.store.db, p.id))?.gate).toEqual(DEFAULT_QUALITY_GATE);
  });

  it('shows an annotator the essentials only', async () => {
    const p = await createProject(t.deps, t.manager, { name: 'Seen', schema });
    expect(await getProject(t.deps, t.annotator, p.id)).toEqual({ id: p.id, name: 'Seen', description: '', status: 'active', schemaVersion: 1, guidelineVersion: 1 });
  });
});

/**
 * Agreement over time through the API, in both dialects: four annotators reproduce the reliability matrix of
 * Krippendorff (2011)'s worked example (4 observers × 12 units, values 1–5, missing values), answering it as a label
 * question (nominal, α = 0.743 in the paper), a rating question (interval, α = 0.849) and a multi_label question,
 * over two days of one week. Each expectation is computed from the matrix itself with the engine's tested
 * `krippendorffAlpha`, never from the service's own encoding.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS, createTestStore } from './support/databases.js';
import { buildProject, buildWorld, toJsonl, type Client, type World } from './factories.js';
import type { Store } from '../src/store/db.js';
import { krippendorffAlpha, type MeasurementLevel, type ReliabilityData } from '../src/quality/agreement/krippendorff.js';

// Krippendorff, "Computing Krippendorff's Alpha-Reliability" (2011), section C; '.' is a missing value.
const MATRIX = [
  '1 2 3 3 2 1 4 1 2 . . .', // observer A
  '1 2 3 3 2 2 4 1 2 5 . 3', // observer B
  '. 3 3 3 2 3 4 2 2 5 1 .', // observer C
  '1 2 3 3 2 4 4 1 2 5 1 .', // observer D
].map((row) => row.split(' ').map((v) => (v === '.' ? null : Number(v))));
const UNITS = 12;
/** Units labeled on the first day; the rest come on the second. */
const FIRST_DAY_UNITS = 6;

const schema = {
  questions: [
    { id: 'code', type: 'label', prompt: 'Code?', field: 'text', options: [1, 2, 3, 4, 5].map((v) => ({ value: String(v), label: `Code ${v}` })) },
    { id: 'score', type: 'rating', prompt: 'Score', min: 1, max: 5 },
    // "high" is chosen for values 3 and up, "any" always: agreement on "high" is agreement on v ≥ 3.
    { id: 'tags', type: 'multi_label', prompt: 'Tags', options: [{ value: 'any', label: 'Any' }, { value: 'high', label: 'High' }] },
    { id: 'note', type: 'text', prompt: 'Note', required: false },
  ],
};

const unitItem = (u: number) => ({ id: `unit-${u + 1}`, data: { text: `unit ${u}` } });

/** The matrix as reliability data, for the given observers and units, optionally transformed per value. */
function reliability(observers: number[], units: number, encode: (v: number) => number[] = (v) => [v]): ReliabilityData {
  const unit: number[] = [];
  const value: number[] = [];
  let width = 1;
  for (const o of observers)
    MATRIX[o]!.slice(0, units).forEach((v, u) => {
      if (v === null) return;
      const vs = encode(v);
      width = vs.length;
      vs.forEach((x, k) => {
        unit.push(u * vs.length + k);
        value.push(x);
      });
    });
  return { unit: Int32Array.from(unit), value: Float64Array.from(value), nUnits: units * width };
}

const expected = (observers: number[], units: number, level: MeasurementLevel, encode?: (v: number) => number[]) =>
  krippendorffAlpha(reliability(observers, units, encode), level);

/** Each annotator claims until nothing is left, answering the units they have a value for and skipping the rest. */
async function labelAll(projectId: string, observers: Client[]) {
  for (const [o, c] of observers.entries()) {
    for (;;) {
      const t = await c.post(`/api/v1/projects/${projectId}/tasks/next`);
      if (t.statusCode === 409) break;
      expect(t.statusCode, t.body).toBe(200);
      const task = t.json() as { assignmentId: string; item: { data: { text: string } } };
      const v = MATRIX[o]![Number(task.item.data.text.split(' ')[1])]!;
      const res =
        v === null
          ? await c.post(`/api/v1/tasks/${task.assignmentId}/skip`, { reason: 'no value in the matrix' })
          : await c.post(`/api/v1/tasks/${task.assignmentId}/submit`, {
              answers: { code: String(v), score: v, tags: v >= 3 ? ['any', 'high'] : ['any'] },
              timeSpentMs: 1000,
            });
      expect(res.statusCode, res.body).toBeLessThan(300);
    }
  }
}

interface Estimate {
  alpha: number | null;
  lower: number | null;
  upper: number | null;
  units: number;
  values: number;
}
interface AgreementBody {
  questionId: string;
  questionType: string;
  level: string;
  overall: Estimate & { annotations: number };
  series: (Estimate & { start: string; end: string; annotations: number })[];
}

describe.each(DIALECTS)('agreement over time on %s', (dialect) => {
  let store: Store;
  let close: () => Promise<void>;
  let w: World;
  let projectId: string;
  let vendorManager: Client;
  let clock = Date.parse('2025-03-03T09:00:00Z'); // a Monday

  const agreement = async (c: Client, query: string) => {
    const res = await c.get(`/api/v1/projects/${projectId}/quality/agreement?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as AgreementBody;
  };

  beforeAll(async () => {
    ({ store, close } = await createTestStore(dialect));
    w = await buildWorld(store, { annotators: 4, deps: { now: () => new Date(clock) } });
    vendorManager = await w.addUser('vendor_manager', w.vendors.inHouse);
    const units = Array.from({ length: UNITS }, (_, u) => u);
    projectId = await buildProject(w, { schema, overlapK: 4, items: units.slice(0, FIRST_DAY_UNITS).map(unitItem) });
    await labelAll(projectId, w.annotators);
    clock += 86_400_000; // Tuesday: the second half of the units
    const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(units.slice(FIRST_DAY_UNITS).map(unitItem)), {
      'content-type': 'application/x-ndjson',
    });
    expect(imp.statusCode, imp.body).toBe(201);
    await labelAll(projectId, w.annotators);
  });
  afterAll(async () => {
    await w?.app.close();
    await close?.();
  });

  it("reproduces the worked example's nominal alpha for a label question, with the pairable units and values", async () => {
    const body = await agreement(w.manager, 'bucket=day&question=code');
    expect(body).toMatchObject({ questionId: 'code', questionType: 'label', level: 'nominal' });
    expect(body.overall.alpha).toBeCloseTo(0.743, 3);
    expect(body.overall).toMatchObject({ units: 11, values: 40, annotations: 41 });
    expect(body.overall.lower!).toBeLessThanOrEqual(body.overall.alpha!);
    expect(body.overall.upper!).toBeGreaterThanOrEqual(body.overall.alpha!);
  });

  it('gives a cumulative point per day: the first over Monday’s units, the last over everything', async () => {
    const body = await agreement(w.manager, 'bucket=day&question=code');
    expect(body.series.map((p) => [p.start, p.end])).toEqual([
      ['2025-03-03T00:00:00.000Z', '2025-03-04T00:00:00.000Z'],
      ['2025-03-04T00:00:00.000Z', '2025-03-05T00:00:00.000Z'],
    ]);
    const monday = expected([0, 1, 2, 3], FIRST_DAY_UNITS, 'nominal');
    const [first, last] = [body.series[0]!, body.series[1]!];
    expect(first.alpha).toBeCloseTo(monday.alpha, 12);
    expect(first).toMatchObject({ units: monday.nUnits, values: monday.nValues, annotations: 23 });
    expect(last).toMatchObject({ alpha: body.overall.alpha, lower: body.overall.lower, upper: body.overall.upper, annotations: 18 });
  });

  it('puts both days in one week starting on Monday', async () => {
    const body = await agreement(w.manager, 'bucket=week&question=code');
    expect(body.series).toHaveLength(1);
    expect(body.series[0]).toMatchObject({ start: '2025-03-03T00:00:00.000Z', end: '2025-03-10T00:00:00.000Z', annotations: 41 });
  });

  it("reproduces the worked example's interval alpha for a rating question", async () => {
    const body = await agreement(w.reviewer, 'bucket=day&question=score');
    expect(body).toMatchObject({ questionType: 'rating', level: 'interval' });
    expect(body.overall.alpha).toBeCloseTo(0.849, 3);
  });

  it('measures a multi_label question as presence per item and option, pooled', async () => {
    const body = await agreement(w.manager, 'question=tags');
    const want = expected([0, 1, 2, 3], UNITS, 'nominal', (v) => [1, v >= 3 ? 1 : 0]);
    expect(body).toMatchObject({ questionType: 'multi_label', level: 'nominal', overall: { units: 22, values: 80 } });
    expect(body.overall.alpha).toBeCloseTo(want.alpha, 12);
  });

  it('defaults to the first question agreement applies to, and refuses text and unknown questions', async () => {
    expect((await agreement(w.manager, '')).questionId).toBe('code');
    for (const q of ['note', 'nope']) {
      const res = await w.manager.get(`/api/v1/projects/${projectId}/quality/agreement?question=${q}`);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'invalid', field: 'question' });
    }
  });

  it("counts only a vendor manager's own vendor's annotations", async () => {
    // Annotators alternate vendors: observers A and C are in-house.
    const body = await agreement(vendorManager, 'question=code');
    const inHouse = expected([0, 2], UNITS, 'nominal');
    expect(body.overall.alpha).toBeCloseTo(inHouse.alpha, 12);
    expect(body.overall).toMatchObject({ units: inHouse.nUnits, values: inHouse.nValues });
  });
});

/**
 * Vendors of known quality and price labeling one project through the real API: each vendor is created by the
 * admin with its pay terms, its annotators claim tasks and submit (`submit?next=true`, one round trip each) with
 * answers right at the vendor's accuracy and times around the vendor's pace, all from seeded generators; a vendor may
 * have one odd annotator (its last): a straight-liner, who always answers the first class, or a spammer, who answers
 * at random. Gold items are served by the server's own hidden-gold draw (the world's `deps.random`, seeded by the
 * suite), least-judged first, so every vendor meets the same gold items as their counts rise. What each annotator
 * submitted is tallied on the way, so figures the API reports can be checked against a hand computation over the
 * very same judgments. `labelInTurns` (simulation-in-turns.ts) runs the annotators one request at a time instead,
 * on a test clock, counting every no_task.
 */
import { expect } from 'vitest';
import { createRng, type Rng } from '../../src/quality/random.js';
import { simulatedLabel, type Behaviour as SimulatedBehaviour } from '../../src/services/demo/simulated-annotator.js';
import type { Client, World } from '../factories.js';
import { toJsonl } from '../factories.js';

export const SIM_CLASSES = ['a', 'b', 'c', 'd'] as const;
export const simSchema = {
  questions: [{ id: 'label', type: 'label', prompt: 'Which class?', field: 'text', options: SIM_CLASSES.map((c) => ({ value: c, label: c.toUpperCase() })) }],
};

export interface PayTermsInput {
  payModel: 'per_task' | 'per_hour';
  payRateMinor: number;
  currency: string;
}

export interface SimVendorSpec {
  name: string;
  kind: 'in_house' | 'crowd' | 'expert_network';
  /** Probability that an answer is the truth (otherwise one of the other classes, uniformly). */
  accuracy: number;
  terms: PayTermsInput;
  /** Mean seconds on task (each judgment takes 0.5–1.5 times this). */
  seconds: number;
  annotators: number;
  /** The vendor's last annotator is not honest: always the first class, or a class at random. */
  oddOne?: 'straight_liner' | 'spammer';
  /** Each of the vendor's annotators stops working after this many tasks (a shift ends; `labelInTurns` only). */
  shiftTasks?: number;
}

export type Behaviour = SimulatedBehaviour;

/** How the vendor's annotator number `i` answers. */
export const behaviourOf = (v: SimVendorSpec, i: number): Behaviour => (v.oddOne && i === v.annotators - 1 ? v.oddOne : 'honest');

/** The accuracy planted in annotator `i`: the vendor's, or one in |classes| for the odd one (truths are uniform). */
export const plantedAccuracy = (v: SimVendorSpec, i: number): number => (behaviourOf(v, i) === 'honest' ? v.accuracy : 1 / SIM_CLASSES.length);

export interface SimVendor extends SimVendorSpec {
  vendorId: string;
  people: Client[];
}

/** What one vendor (or one of its annotators) submitted, tallied by the simulation itself. */
export interface Tally {
  judgments: number;
  ms: number;
  goldN: number;
  goldCorrect: number;
}

/** A vendor's tally, with each annotator's own (by user id) and, per gold item (by text), whether each judgment of it was right. */
export interface VendorTally extends Tally {
  byAnnotator: Map<string, Tally>;
  goldRight: Map<string, boolean[]>;
}

const emptyTally = (): Tally => ({ judgments: 0, ms: 0, goldN: 0, goldCorrect: 0 });

let seq = 0;

/** Creates each vendor (POST /vendors, PATCH its pay terms) and its annotators. */
export async function createVendors(w: World, specs: readonly SimVendorSpec[]): Promise<SimVendor[]> {
  const out: SimVendor[] = [];
  for (const s of specs) {
    const res = await w.admin.post('/api/v1/vendors', { name: s.name, kind: s.kind });
    expect(res.statusCode, res.body).toBe(201);
    const vendorId = res.json().id as string;
    const patch = await w.admin.request('PATCH', `/api/v1/vendors/${vendorId}`, s.terms);
    expect(patch.statusCode, patch.body).toBe(200);
    const people: Client[] = [];
    for (let i = 0; i < s.annotators; i++) people.push(await w.addUser('annotator', vendorId));
    out.push({ ...s, vendorId, people });
  }
  return out;
}

export interface SimProject {
  projectId: string;
  /** The true class of each item, by its text. */
  truth: Map<string, string>;
  goldTexts: Set<string>;
}

/**
 * A project on these vendors: `gold` gold items (their answer the truth) then `normal` normal ones, truths drawn
 * from `seed`; overlap k is every annotator, so each normal item is judged by all of them; the gate is off (the
 * comparison must see every vendor's whole record). `settings` go into the create body over these.
 */
export async function createSimProject(
  w: World,
  vendors: readonly SimVendor[],
  opts: { gold: number; normal: number; goldRate: number; seed: number; name?: string; settings?: Record<string, unknown> },
): Promise<SimProject> {
  const k = vendors.reduce((s, v) => s + v.people.length, 0);
  const res = await w.manager.post('/api/v1/projects', {
    name: opts.name ?? `Vendors side by side ${seq++}`,
    schema: simSchema,
    overlapK: k,
    goldRate: opts.goldRate,
    qualityGate: { enabled: false },
    // A week: suites move their clock by days to spread the work over weeks, and no lease may lapse meanwhile.
    leaseSeconds: 604_800,
    vendors: vendors.map((v) => ({ vendorId: v.vendorId, enabled: true })),
    guidelines: '# Guidelines\nPick the class the text names.',
    ...opts.settings,
  });
  expect(res.statusCode, res.body).toBe(201);
  const projectId = res.json().id as string;
  const rng = createRng(opts.seed);
  const truth = new Map<string, string>();
  const goldTexts = new Set<string>();
  const rows = [];
  for (let i = 0; i < opts.gold + opts.normal; i++) {
    const isGold = i < opts.gold;
    const text = `${isGold ? 'Gold' : 'Document'} ${opts.seed}-${i}`;
    const label = SIM_CLASSES[rng.nextInt(SIM_CLASSES.length)]!;
    truth.set(text, label);
    if (isGold) goldTexts.add(text);
    rows.push(isGold ? { id: `g${i}`, data: { text }, gold: { label } } : { id: `n${i}`, data: { text } });
  }
  const imp = await w.manager.request('POST', `/api/v1/projects/${projectId}/items`, toJsonl(rows), { 'content-type': 'application/x-ndjson' });
  expect(imp.statusCode, imp.body).toBe(201);
  return { projectId, truth, goldTexts };
}

/**
 * The simulated answer: the truth with probability `accuracy`, else another class uniformly; or as `behaviour` says
 * (the demo's history plants accuracy the same way: `src/services/demo/simulated-annotator.ts`).
 */
export function answerOf(rng: Rng, accuracy: number, truth: string, behaviour: Behaviour = 'honest'): string {
  return simulatedLabel<string>(rng, accuracy, truth, SIM_CLASSES, behaviour);
}

/**
 * Every annotator labels until the server has nothing more for them (`no_task`), all vendors at once. Returns each
 * vendor's tally (with its annotators' and its record on each gold item), keyed by vendor id. `advance` is called
 * after each submit (to move a test clock).
 */
export async function labelThroughApi(p: SimProject, vendors: readonly SimVendor[], seed: number, advance: () => void = () => {}): Promise<Map<string, VendorTally>> {
  const tallies = new Map<string, VendorTally>(
    vendors.map((v) => [v.vendorId, { ...emptyTally(), byAnnotator: new Map(v.people.map((c) => [c.user.id, emptyTally()])), goldRight: new Map() }]),
  );
  const work = vendors.flatMap((v, vi) =>
    v.people.map(async (c, ci) => {
      const rng = createRng(seed * 1000 + vi * 50 + ci);
      const vt = tallies.get(v.vendorId)!;
      const mine = vt.byAnnotator.get(c.user.id)!;
      const first = await c.post(`/api/v1/projects/${p.projectId}/tasks/next`);
      if (first.statusCode === 409) return;
      expect(first.statusCode, first.body).toBe(200);
      let task = first.json() as { assignmentId: string; item: { data: { text: string } } } | null;
      while (task) {
        const text = task.item.data.text;
        const answer = answerOf(rng, v.accuracy, p.truth.get(text)!, behaviourOf(v, ci));
        const timeSpentMs = Math.round(v.seconds * 1000 * (0.5 + rng.next()));
        const sub = await c.post(`/api/v1/tasks/${task.assignmentId}/submit?next=true`, { answers: { label: answer }, timeSpentMs });
        expect(sub.statusCode, sub.body).toBe(201);
        advance();
        const right = answer === p.truth.get(text);
        const isGold = p.goldTexts.has(text);
        for (const t of [vt, mine]) {
          t.judgments++;
          t.ms += timeSpentMs;
          if (isGold) {
            t.goldN++;
            if (right) t.goldCorrect++;
          }
        }
        if (isGold) vt.goldRight.set(text, [...(vt.goldRight.get(text) ?? []), right]);
        task = sub.json().next;
      }
    }),
  );
  await Promise.all(work);
  return tallies;
}

/** Cost per judgment and per correct judgment by hand, in exact minor units, from the pay terms and the tally. */
export function handCost(terms: PayTermsInput, t: Tally): { total: number; perJudgment: number; perCorrect: number } {
  const total = terms.payModel === 'per_task' ? terms.payRateMinor * t.judgments : (terms.payRateMinor * t.ms) / 3_600_000;
  const perJudgment = total / t.judgments;
  return { total, perJudgment, perCorrect: perJudgment / (t.goldCorrect / t.goldN) };
}

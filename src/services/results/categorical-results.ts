/**
 * `label` and `multi_label` questions: answers encoded to the engine's integer arrays (classes in option order,
 * items and annotators in order of first appearance) and fitted with Bayesian Dawid–Skene (`bds`, whose confidences
 * account for how little is known about each annotator), gold items clamped so they train the annotators' confusion
 * matrices. With gold, the fit is cross-fitted and, from `MIN_CALIBRATION_GOLD` judged gold items, the other items'
 * confidences are calibrated against the gold (`quality/aggregate/calibrated.ts`); each aggregate says which
 * (`basis`: "calibrated on N gold items" or model-based).
 *
 * A gold item's own aggregate is not its clamped row (that would be the gold answer, to everyone who may read
 * results): it is the crowd's verdict, its out-of-fold posterior from the cross-fit (a fit where its answer was
 * unknown), calibrated like the other items when they are. A manager then sees whether the crowd got a gold item
 * right, and nobody learns a gold answer from an aggregate.
 */
import type { LabelQuestion, MultiLabelQuestion } from '../../core/schema/index.js';
import { calibratedFitAsync, calibrateRow, type ConfidenceBasis } from '../../quality/aggregate/calibrated.js';
import type { Observations } from '../../quality/types.js';
import type { AnnotatorSkill, CategoricalFitter, QuestionAggregate, QuestionCalibration } from './result-types.js';

/** One judgment of a categorical question, already reduced to a class index. */
interface Judgment {
  itemId: string;
  annotatorId: string;
  cls: number;
}

interface Encoded {
  obs: Observations;
  itemIds: string[];
  workerIds: string[];
}

function encode(judgments: readonly Judgment[], nClasses: number): Encoded {
  const items = new Map<string, number>();
  const workers = new Map<string, number>();
  const n = judgments.length;
  const item = new Int32Array(n);
  const worker = new Int32Array(n);
  const label = new Int32Array(n);
  judgments.forEach((j, o) => {
    let i = items.get(j.itemId);
    if (i === undefined) items.set(j.itemId, (i = items.size));
    let w = workers.get(j.annotatorId);
    if (w === undefined) workers.set(j.annotatorId, (w = workers.size));
    item[o] = i;
    worker[o] = w;
    label[o] = j.cls;
  });
  return {
    obs: { item, worker, label, nItems: items.size, nWorkers: workers.size, nClasses },
    itemIds: [...items.keys()],
    workerIds: [...workers.keys()],
  };
}

/** What a categorical aggregate's confidence rests on (see `ConfidenceBasis` in the engine). */
export type Basis = ConfidenceBasis;

/**
 * The posterior per item, row-major [item][class], and its basis: the fit with every gold answer clamped, except for
 * judged gold items, whose rows are their out-of-fold posteriors; all calibrated when there is enough gold.
 */
async function fitWithGold(enc: Encoded, goldOf: (itemId: string) => number, fit: CategoricalFitter) {
  const gold = Int32Array.from(enc.itemIds, goldOf);
  if (!gold.some((g) => g >= 0)) {
    const r = await fit(enc.obs, undefined);
    return { r, posterior: Float64Array.from(r.posterior), basis: { kind: 'model', nGold: 0 } as Basis, calibration: null };
  }
  const c = await calibratedFitAsync(enc.obs, gold, fit);
  const K = enc.obs.nClasses;
  const posterior = Float64Array.from(c.result.posterior);
  for (const i of c.pairs.item) {
    posterior.set(c.crossFit.subarray(i * K, i * K + K), i * K);
    calibrateRow(posterior, i * K, K, c);
  }
  // A gold item nobody judged has no aggregate (it is not in `enc`), so every clamped row was replaced.
  const calibration: QuestionCalibration = { basis: c.basis, confidence: Array.from(c.pairs.confidence), correct: Array.from(c.pairs.correct, (v) => v === 1) };
  return { r: c.result, posterior, basis: c.basis, calibration };
}

const countBy = (ids: readonly string[], idx: Int32Array) => {
  const c = new Int32Array(ids.length);
  for (const i of idx) c[i]!++;
  return c;
};

export async function aggregateLabel(
  q: LabelQuestion,
  answers: readonly { itemId: string; annotatorId: string; value: unknown }[],
  gold: ReadonlyMap<string, Record<string, unknown>>,
  fit: CategoricalFitter,
): Promise<{ byItem: Map<string, QuestionAggregate>; skill: AnnotatorSkill[]; calibration: QuestionCalibration | null }> {
  const values = q.options.map((o) => o.value);
  const index = new Map(values.map((v, k) => [v, k]));
  const judgments: Judgment[] = [];
  for (const a of answers) {
    const k = typeof a.value === 'string' ? index.get(a.value) : undefined;
    if (k !== undefined) judgments.push({ itemId: a.itemId, annotatorId: a.annotatorId, cls: k });
  }
  const byItem = new Map<string, QuestionAggregate>();
  if (judgments.length === 0) return { byItem, skill: [], calibration: null };
  const K = values.length;
  const enc = encode(judgments, K);
  const { r, posterior, basis, calibration } = await fitWithGold(enc, (id) => {
    const g = gold.get(id)?.[q.id];
    return typeof g === 'string' ? (index.get(g) ?? -1) : -1;
  }, fit);
  const perItem = countBy(enc.itemIds, enc.obs.item);
  enc.itemIds.forEach((itemId, i) => {
    let best = 0;
    for (let t = 1; t < K; t++) if (posterior[i * K + t]! > posterior[i * K + best]!) best = t;
    byItem.set(itemId, {
      questionId: q.id,
      type: 'label',
      method: 'bayesian_dawid_skene',
      n: perItem[i]!,
      answer: values[best],
      confidence: posterior[i * K + best]!,
      basis,
      distribution: Object.fromEntries(values.map((v, t) => [v, posterior[i * K + t]!])),
    });
  });
  const skill = enc.workerIds.map((annotatorId, w) => ({ annotatorId, skill: r.workerSkill[w]!, n: r.workerCount[w]! }));
  return { byItem, skill, calibration };
}

/**
 * Binary relevance, as `aggregateMultiLabel` in `quality/aggregate/multi-label.ts` (each option a present/absent
 * question fitted on its own, and calibrated on its own against the gold; a judgment that does not select an option votes "absent"), run here through `fit` so
 * large projects fit on a worker thread. The answer is the options with probability > ½, and its confidence the
 * probability that the whole set is right under the model's independence: Π_ℓ max(p_ℓ, 1 − p_ℓ).
 */
export async function aggregateMultiLabel(
  q: MultiLabelQuestion,
  answers: readonly { itemId: string; annotatorId: string; value: unknown }[],
  gold: ReadonlyMap<string, Record<string, unknown>>,
  fit: CategoricalFitter,
): Promise<Map<string, QuestionAggregate>> {
  const values = q.options.map((o) => o.value);
  const valid = answers.filter(
    (a): a is { itemId: string; annotatorId: string; value: string[] } =>
      Array.isArray(a.value) && a.value.every((v) => typeof v === 'string' && values.includes(v)),
  );
  const byItem = new Map<string, QuestionAggregate>();
  if (valid.length === 0) return byItem;
  const perLabel: Float64Array[] = [];
  const bases: Basis[] = [];
  let enc: Encoded | undefined;
  for (const value of values) {
    const judgments = valid.map((a) => ({ itemId: a.itemId, annotatorId: a.annotatorId, cls: a.value.includes(value) ? 1 : 0 }));
    enc = encode(judgments, 2);
    const { posterior, basis } = await fitWithGold(enc, (id) => {
      const g = gold.get(id)?.[q.id];
      return Array.isArray(g) ? (g.includes(value) ? 1 : 0) : -1;
    }, fit);
    perLabel.push(posterior);
    bases.push(basis);
  }
  const perItem = countBy(enc!.itemIds, enc!.obs.item);
  // The set's confidence is calibrated only when every option's is (on the fewest gold items of any option).
  const nGold = Math.min(...bases.map((b) => b.nGold));
  const basis: Basis = bases.every((b) => b.kind === 'calibrated') ? { kind: 'calibrated', nGold } : { kind: 'model', nGold };
  enc!.itemIds.forEach((itemId, i) => {
    const p = perLabel.map((post) => post[i * 2 + 1]!);
    byItem.set(itemId, {
      questionId: q.id,
      type: 'multi_label',
      method: 'bayesian_dawid_skene_binary_relevance',
      n: perItem[i]!,
      answer: values.filter((_, l) => p[l]! > 0.5),
      confidence: p.reduce((acc, pl) => acc * Math.max(pl, 1 - pl), 1),
      basis,
      distribution: Object.fromEntries(values.map((v, l) => [v, p[l]!])),
    });
  });
  return byItem;
}

/**
 * `label` and `multi_label` questions: answers encoded to the engine's integer arrays (classes in option order,
 * items and annotators in order of first appearance) and fitted with Dawid–Skene (`RECOMMENDED_DS_OPTIONS`), gold
 * items clamped so they train the annotators' confusion matrices.
 *
 * A gold item's own aggregate is not its clamped row (that would be the gold answer, to everyone who may read
 * results): it is the crowd's verdict, the E-step posterior π_t Π θ_w[t][g] from the fitted parameters. A manager
 * then sees whether the crowd got a gold item right, and nobody learns a gold answer from an aggregate.
 */
import type { LabelQuestion, MultiLabelQuestion } from '../../core/schema/index.js';
import { softmaxInPlace } from '../../quality/aggregate/common.js';
import type { DawidSkeneResult } from '../../quality/aggregate/dawid-skene.js';
import type { CategoricalResult, Observations } from '../../quality/types.js';
import type { AnnotatorSkill, CategoricalFitter, QuestionAggregate } from './result-types.js';

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

/**
 * The posterior per item, row-major [item][class]: the fit's own rows, except for clamped (gold) items, whose rows
 * are recomputed from the fitted confusion matrices and priors as if their answer were unknown.
 */
function crowdPosterior(r: CategoricalResult, obs: Observations, gold: Int32Array | undefined): Float64Array {
  const post = Float64Array.from(r.posterior);
  if (!gold || !gold.some((g) => g >= 0)) return post;
  const ds = r as Partial<DawidSkeneResult>;
  if (!ds.confusion || !ds.priors) throw new Error('clamped gold needs a fit with confusion matrices (Dawid–Skene)');
  const K = obs.nClasses;
  for (let i = 0; i < obs.nItems; i++) if (gold[i]! >= 0) for (let t = 0; t < K; t++) post[i * K + t] = Math.log(Math.max(ds.priors[t]!, 1e-300));
  for (let o = 0; o < obs.item.length; o++) {
    const i = obs.item[o]!;
    if (gold[i]! < 0) continue;
    const base = obs.worker[o]! * K * K;
    for (let t = 0; t < K; t++) post[i * K + t]! += Math.log(Math.max(ds.confusion[base + t * K + obs.label[o]!]!, 1e-300));
  }
  for (let i = 0; i < obs.nItems; i++) if (gold[i]! >= 0) softmaxInPlace(post, i * K, K);
  return post;
}

async function fitWithGold(enc: Encoded, goldOf: (itemId: string) => number, fit: CategoricalFitter) {
  const gold = Int32Array.from(enc.itemIds, goldOf);
  const clamped = gold.some((g) => g >= 0) ? gold : undefined;
  const r = await fit(enc.obs, clamped);
  return { r, posterior: crowdPosterior(r, enc.obs, clamped) };
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
): Promise<{ byItem: Map<string, QuestionAggregate>; skill: AnnotatorSkill[] }> {
  const values = q.options.map((o) => o.value);
  const index = new Map(values.map((v, k) => [v, k]));
  const judgments: Judgment[] = [];
  for (const a of answers) {
    const k = typeof a.value === 'string' ? index.get(a.value) : undefined;
    if (k !== undefined) judgments.push({ itemId: a.itemId, annotatorId: a.annotatorId, cls: k });
  }
  const byItem = new Map<string, QuestionAggregate>();
  if (judgments.length === 0) return { byItem, skill: [] };
  const K = values.length;
  const enc = encode(judgments, K);
  const { r, posterior } = await fitWithGold(enc, (id) => {
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
      method: 'dawid_skene',
      n: perItem[i]!,
      answer: values[best],
      confidence: posterior[i * K + best]!,
      distribution: Object.fromEntries(values.map((v, t) => [v, posterior[i * K + t]!])),
    });
  });
  const skill = enc.workerIds.map((annotatorId, w) => ({ annotatorId, skill: r.workerSkill[w]!, n: r.workerCount[w]! }));
  return { byItem, skill };
}

/**
 * Binary relevance, as `aggregateMultiLabel` in `quality/aggregate/multi-label.ts` (each option a present/absent
 * question fitted on its own; a judgment that does not select an option votes "absent"), run here through `fit` so
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
  let enc: Encoded | undefined;
  for (const value of values) {
    const judgments = valid.map((a) => ({ itemId: a.itemId, annotatorId: a.annotatorId, cls: a.value.includes(value) ? 1 : 0 }));
    enc = encode(judgments, 2);
    const { posterior } = await fitWithGold(enc, (id) => {
      const g = gold.get(id)?.[q.id];
      return Array.isArray(g) ? (g.includes(value) ? 1 : 0) : -1;
    }, fit);
    perLabel.push(posterior);
  }
  const perItem = countBy(enc!.itemIds, enc!.obs.item);
  enc!.itemIds.forEach((itemId, i) => {
    const p = perLabel.map((post) => post[i * 2 + 1]!);
    byItem.set(itemId, {
      questionId: q.id,
      type: 'multi_label',
      method: 'dawid_skene_binary_relevance',
      n: perItem[i]!,
      answer: values.filter((_, l) => p[l]! > 0.5),
      confidence: p.reduce((acc, pl) => acc * Math.max(pl, 1 - pl), 1),
      distribution: Object.fromEntries(values.map((v, l) => [v, p[l]!])),
    });
  });
  return byItem;
}

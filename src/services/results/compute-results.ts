/**
 * A project's aggregate: per item and question, the aggregated answer, its confidence, the method and the number of
 * judgments. A pure function of (schema, annotations, gold) and of the Dawid–Skene fitter it is handed, so it can
 * run in a request, a job or a worker. Per question type:
 * - `label`: Bayesian Dawid–Skene with gold clamped; confidence = posterior of the chosen option, calibrated on the
 *   gold when there is enough (`categorical-results.ts`);
 * - `multi_label`: the same per option (binary relevance); confidence = P(the whole set is right);
 * - `rating`: Gaussian annotators when identifiable, else the mean; `pairwise`: the same on the signed strength,
 *   reported as the side preferred and how strongly; `rubric`: mean per criterion (`numeric-results.ts`);
 * - `ranking`: Borda count, confidence = Kendall's W (`ranking-results.ts`);
 * - `span`: consensus spans by character majority (`span-results.ts`);
 * - `text`, `conversation`: no aggregate, only the number of judgments.
 * Answers that do not fit a question of the schema in force (written under an older version) are left out of it.
 */
import { runCategorical } from '../../quality/aggregate/methods.js';
import { aggregateLabel, aggregateMultiLabel } from './categorical-results.js';
import { aggregatePairwise, aggregateRating, aggregateRubric } from './numeric-results.js';
import { aggregateRanking } from './ranking-results.js';
import type { AnnotatorSkill, CategoricalFitter, ProjectResults, QuestionAggregate, QuestionCalibration, ResultsInput } from './result-types.js';
import { aggregateSpanQuestion } from './span-results.js';

/** Bayesian Dawid–Skene on the calling thread, with the recommended options. */
export const fitInline: CategoricalFitter = async (obs, gold) => runCategorical('bds', obs, gold ? { gold } : {});

export async function computeResults(input: ResultsInput, fit: CategoricalFitter = fitInline): Promise<ProjectResults> {
  const perQuestion: Map<string, QuestionAggregate>[] = [];
  const annotatorSkill = new Map<string, AnnotatorSkill[]>();
  const calibration = new Map<string, QuestionCalibration>();
  for (const q of input.schema.questions) {
    const answers = input.annotations
      .filter((a) => Object.hasOwn(a.answers, q.id) && a.answers[q.id] !== null && a.answers[q.id] !== undefined)
      .map((a) => ({ itemId: a.itemId, annotatorId: a.annotatorId, value: a.answers[q.id] }));
    switch (q.type) {
      case 'label': {
        const r = await aggregateLabel(q, answers, input.gold, fit);
        perQuestion.push(r.byItem);
        annotatorSkill.set(q.id, r.skill);
        if (r.calibration) calibration.set(q.id, r.calibration);
        break;
      }
      case 'multi_label':
        perQuestion.push(await aggregateMultiLabel(q, answers, input.gold, fit));
        break;
      case 'rating':
        perQuestion.push(aggregateRating(q, answers));
        break;
      case 'pairwise':
        perQuestion.push(aggregatePairwise(q, answers));
        break;
      case 'rubric':
        perQuestion.push(aggregateRubric(q, answers));
        break;
      case 'ranking':
        perQuestion.push(aggregateRanking(q, answers));
        break;
      case 'span':
        perQuestion.push(aggregateSpanQuestion(q, answers));
        break;
      case 'text':
      case 'conversation': {
        const counts = new Map<string, number>();
        for (const a of answers) counts.set(a.itemId, (counts.get(a.itemId) ?? 0) + 1);
        perQuestion.push(new Map([...counts].map(([itemId, n]) => [itemId, { questionId: q.id, type: q.type, method: 'none', n, answer: null, confidence: null }])));
        break;
      }
    }
    // Between questions, let other requests in: a large project's aggregate is many short steps, not one long one.
    await new Promise((r) => setImmediate(r));
  }
  // Every confidence says what it rests on: the other methods' are their own figures, never calibrated.
  for (const q of perQuestion) for (const a of q.values()) if (a.confidence !== null && !a.basis) a.basis = { kind: 'model', nGold: 0 };
  const byItem = new Map<string, QuestionAggregate[]>();
  for (const a of input.annotations) if (!byItem.has(a.itemId)) byItem.set(a.itemId, []);
  for (const [itemId, list] of byItem) for (const q of perQuestion) {
    const agg = q.get(itemId);
    if (agg) list.push(agg);
  }
  return { byItem, annotatorSkill, calibration, annotations: input.annotations.length };
}

/**
 * The shapes of a project's aggregate: what goes in (schema, annotations, gold: nothing else, so the computation can
 * move to a worker, a job or another process) and what comes out per item and question.
 */
import type { QuestionType, TaskSchema } from '../../core/schema/index.js';
import type { CategoricalResult, GoldLabels, Observations } from '../../quality/types.js';
import type { AggregationMethod } from '../../core/result.js';

export interface ResultAnnotation {
  itemId: string;
  annotatorId: string;
  /** Answers keyed by question id, as submitted (validated against the schema version in force then). */
  answers: Record<string, unknown>;
}

export interface ResultsInput {
  /** The schema in force: its questions are aggregated; answers that no longer fit a question are left out. */
  schema: TaskSchema;
  annotations: readonly ResultAnnotation[];
  /** Gold answers by item id, keyed by question id like annotations. */
  gold: ReadonlyMap<string, Record<string, unknown>>;
}

export interface QuestionAggregate {
  questionId: string;
  type: QuestionType;
  method: AggregationMethod;
  /** Judgments behind the aggregate (annotations that answered the question). */
  n: number;
  /**
   * label: the option value; multi_label: the option values judged present; rating: the estimated value;
   * pairwise: `{ prefers: 'left' | 'right' | 'tie', strength }`; ranking: candidate indices, best first;
   * span: consensus spans `{ start, end, label, support }`; rubric: `{ scores, weightedScore }`; text and
   * conversation: null.
   */
  answer: unknown;
  /** In 0..1; null when the method gives none (text, conversation, a ranking with one judgment). */
  confidence: number | null;
  /**
   * What the confidence rests on, with every non-null confidence: `calibrated` against `nGold` judged gold items
   * (label, multi_label, from `MIN_CALIBRATION_GOLD`), or `model`: the method's own figure (`nGold` judged gold
   * items of the question, too few to calibrate; 0 for methods that are never calibrated).
   */
  basis?: { kind: 'calibrated' | 'model'; nGold: number };
  /** label: posterior per option; multi_label: probability that each option applies. */
  distribution?: Record<string, number>;
  /** rating and pairwise: standard error of the estimate, on the question's scale. */
  standardError?: number;
  /** ranking: mean Borda points per candidate index (n − 1 for first place, 0 for last). */
  scores?: number[];
}

/** An annotator's estimated accuracy on a categorical question, with the judgments behind it. */
export interface AnnotatorSkill {
  annotatorId: string;
  skill: number;
  n: number;
}

/**
 * A `label` question's evidence on calibration: per judged gold item its out-of-fold (cross-fitted) confidence, as
 * the model gave it, and whether the chosen option was the gold answer; with the basis the question's confidences
 * rest on. What the reliability diagram shows.
 */
export interface QuestionCalibration {
  basis: { kind: 'calibrated' | 'model'; nGold: number };
  confidence: number[];
  correct: boolean[];
}

export interface ProjectResults {
  /** Aggregates per item that has annotations, in schema order. */
  byItem: Map<string, QuestionAggregate[]>;
  /** Per `label` question with judged gold: the cross-fitted evidence on calibration. */
  calibration?: Map<string, QuestionCalibration>;
  /** Per `label` question, each annotator's skill as estimated by Dawid–Skene. */
  annotatorSkill: Map<string, AnnotatorSkill[]>;
  /** Annotations aggregated. */
  annotations: number;
}

/** Fits Bayesian Dawid–Skene (with `gold` clamped when given): inline, or on a worker thread for large inputs. */
export type CategoricalFitter = (obs: Observations, gold: GoldLabels | undefined) => Promise<CategoricalResult>;

/**
 * The reliability diagram of a project's `label` question: its judged gold items binned by the confidence the model
 * gave them out of fold (cross-fitted: each computed as if its answer were unknown), with the share right in each bin,
 * its Wilson 95% interval and n, the expected calibration error over them, and what the question's confidences rest
 * on. Managers and admins only: it is computed from gold answers.
 */
import { invalid } from '../../core/errors.js';
import { authorize, type Actor } from '../../core/permissions.js';
import { expectedCalibrationError } from '../../quality/stats/calibration.js';
import { wilsonInterval } from '../../quality/stats/wilson.js';
import type { ServiceDeps } from '../deps.js';
import { requireProjectResults } from '../results/project-results.js';

/** Bins of the diagram: ten of equal width, as the ECE of issue 16 is defined. */
export const CALIBRATION_BINS = 10;

export interface CalibrationBinView {
  lower: number;
  upper: number;
  /** Judged gold items whose out-of-fold confidence falls in the bin. */
  n: number;
  /** Mean out-of-fold confidence of those (null when the bin is empty). */
  confidence: number | null;
  /** Share of them whose chosen option is the gold answer, with its Wilson 95% interval (null when empty). */
  accuracy: { rate: number; lower: number; upper: number } | null;
}

export interface CalibrationView {
  projectId: string;
  /** The label question shown; null when the schema has none. */
  questionId: string | null;
  basis: { kind: 'calibrated' | 'model'; nGold: number };
  /** Judged gold items in the diagram. */
  n: number;
  /** Expected calibration error of the out-of-fold confidences (10 bins); null without judged gold. */
  ece: number | null;
  bins: CalibrationBinView[];
}

export async function getCalibration(deps: ServiceDeps, actor: Actor, projectId: string, query: { question?: string | undefined }): Promise<CalibrationView> {
  authorize(actor, 'gold.manage');
  const { loaded } = await requireProjectResults(deps, actor, projectId);
  const labels = loaded.schema.questions.filter((q) => q.type === 'label');
  if (query.question !== undefined && !labels.some((q) => q.id === query.question)) {
    throw invalid(`The schema has no label question "${query.question}"`, 'question');
  }
  const questionId = query.question ?? labels[0]?.id ?? null;
  const evidence = questionId === null ? undefined : loaded.results.calibration?.get(questionId);
  const confidence = evidence?.confidence ?? [];
  const correct = evidence?.correct ?? [];
  const r = expectedCalibrationError(confidence, correct, CALIBRATION_BINS);
  const rightIn = new Array<number>(CALIBRATION_BINS).fill(0);
  confidence.forEach((c, j) => {
    if (correct[j]) rightIn[Math.min(CALIBRATION_BINS - 1, Math.floor(c * CALIBRATION_BINS))]!++;
  });
  return {
    projectId,
    questionId,
    basis: evidence?.basis ?? { kind: 'model', nGold: 0 },
    n: r.n,
    ece: r.n > 0 ? r.ece : null,
    bins: r.bins.map((b, k) => {
      const ci = wilsonInterval(rightIn[k]!, b.n);
      return {
        lower: b.lower,
        upper: b.upper,
        n: b.n,
        confidence: b.n > 0 ? b.confidence : null,
        accuracy: b.n > 0 ? { rate: b.accuracy, lower: ci.lower, upper: ci.upper } : null,
      };
    }),
  };
}

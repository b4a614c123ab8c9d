/**
 * Inter-annotator agreement of one question over time: Krippendorff's alpha over all of a project's annotations,
 * and at the end of each day or week, each with a seeded percentile-bootstrap 95% interval over units and the
 * number of pairable units and values behind it (see `reliability-data.ts` for the level and unit per type).
 *
 * The series is cumulative: a bucket's alpha is over every annotation submitted up to the bucket's end, which is
 * what the dashboard would have shown then. A per-bucket window would split units whose judgments arrive on
 * different days (an item's second judgment often comes days after its first) and keep only the pairs that happen
 * to fall in one window, so it would measure who works at the same time rather than how well they agree.
 * Buckets without new annotations are left out: their alpha is the previous bucket's.
 *
 * Whoever may read progress may read this; a vendor manager's alpha is over their vendor's annotations only.
 */
import { invalid } from '../../core/errors.js';
import { authorize, vendorScopeOf, type Actor } from '../../core/permissions.js';
import { krippendorffAlphaInterval, type AlphaInterval, type MeasurementLevel } from '../../quality/agreement/krippendorff.js';
import { listAnswerHistory } from '../../store/answer-history.js';
import { resultsInputVersion } from '../../store/results-inputs.js';
import type { ServiceDeps } from '../deps.js';
import { requireProject } from '../projects/require-project.js';
import { loadSchema } from '../projects/schema-cache.js';
import { ResultsCache } from '../results/results-cache.js';
import type { AgreementBucket } from '../../core/time-buckets.js';
import { createReliabilityBuilder } from './reliability-data.js';
import { hasAgreement, LEVEL_OF, type AgreementQuestionType } from '../../core/agreement.js';


export const AGREEMENT_CONFIDENCE = 0.95;
/** The bootstrap's seed: the same annotations always give the same interval. */
export const AGREEMENT_SEED = 20110101;
/** Replicates for the overall interval, and for each bucket's (fewer: a chart has many points). */
export const OVERALL_REPLICATES = 1000;
export const BUCKET_REPLICATES = 400;
/** One chart's worth of points; a longer history asks for weeks. */
export const MAX_AGREEMENT_BUCKETS = 400;

const DAY_MS = 86_400_000;

export interface AgreementQuery {
  bucket: AgreementBucket;
  /** A label, multi_label, rating or pairwise question; defaults to the schema's first one. */
  question?: string | undefined;
}

/** Alpha with its interval; null where it is undefined (fewer than two pairable values, or no variation at all). */
export interface AlphaEstimate {
  alpha: number | null;
  lower: number | null;
  upper: number | null;
  /** Pairable units: items with two values or more (for multi_label, item × option pairs). */
  units: number;
  /** Pairable values: the sample size of the coincidence matrix. */
  values: number;
}

export interface AgreementPoint extends AlphaEstimate {
  /** The bucket's start and end (ISO, UTC; end exclusive). Alpha is over annotations submitted before `end`. */
  start: string;
  end: string;
  /** Annotations submitted in this bucket that answered the question. */
  annotations: number;
}

export interface AgreementView {
  projectId: string;
  questionId: string;
  questionType: AgreementQuestionType;
  level: MeasurementLevel;
  bucket: AgreementBucket;
  confidence: number;
  seed: number;
  /** Over every annotation that answered the question. */
  overall: AlphaEstimate & { annotations: number };
  /** Cumulative alpha at the end of each bucket with new annotations, oldest first. */
  series: AgreementPoint[];
}

const cache = new ResultsCache<AgreementView>(64);

export async function getAgreement(deps: ServiceDeps, actor: Actor, projectId: string, q: AgreementQuery): Promise<AgreementView> {
  authorize(actor, 'progress.read');
  const project = await requireProject(deps, actor, projectId);
  const db = deps.store.db;
  const schema = await loadSchema(db, project.id, project.schema_version);
  const question =
    q.question === undefined ? schema.questions.find(hasAgreement) : schema.questions.find((x) => x.id === q.question);
  if (question === undefined) {
    throw invalid(q.question === undefined ? 'The schema has no label, multi_label, rating or pairwise question' : `No question "${q.question}" in the schema in force`, 'question');
  }
  if (!hasAgreement(question)) {
    throw invalid(`Agreement is measured on label, multi_label, rating and pairwise questions; "${question.id}" is ${question.type}`, 'question');
  }
  const vendorId = vendorScopeOf(actor);
  const v = await resultsInputVersion(db, project.id);
  const key = [project.id, question.id, q.bucket, vendorId ?? '*'].join('|');
  const version = `${project.schema_version}:${v.annotations}:${v.latestAnnotationId ?? '-'}`;
  return cache.get(key, version, async () => {
    const rows = await listAnswerHistory(db, project.id, vendorId);
    const level = LEVEL_OF[question.type];
    const builder = createReliabilityBuilder(question);
    const bucketStart = BUCKET_START[q.bucket];
    const step = BUCKET_MS[q.bucket];
    const estimate = (replicates: number) =>
      estimateOf(krippendorffAlphaInterval(builder.snapshot(), { level, replicates, confidence: AGREEMENT_CONFIDENCE, seed: AGREEMENT_SEED }));
    const series: AgreementPoint[] = [];
    let open = null as { start: number; annotations: number } | null;
    // Closes the open bucket with alpha over everything added so far.
    const close = (o: { start: number; annotations: number }, e: AlphaEstimate) =>
      series.push({ start: new Date(o.start).toISOString(), end: new Date(o.start + step).toISOString(), annotations: o.annotations, ...e });
    let annotations = 0;
    for (const r of rows) {
      const answer = r.answers[question.id];
      if (!builder.fits(answer)) continue;
      const start = bucketStart(Date.parse(r.created_at));
      if (open?.start !== start) {
        if (open) close(open, estimate(BUCKET_REPLICATES));
        if (series.length >= MAX_AGREEMENT_BUCKETS) {
          throw invalid(`The history spans more than ${MAX_AGREEMENT_BUCKETS} ${q.bucket}s with annotations; ask for bucket=week`, 'bucket');
        }
        open = { start, annotations: 0 };
      }
      builder.add(r.item_id, answer);
      open.annotations++;
      annotations++;
    }
    const overall = estimate(OVERALL_REPLICATES);
    // The last bucket holds everything: its alpha is the overall one.
    if (open) close(open, overall);
    return {
      projectId: project.id,
      questionId: question.id,
      questionType: question.type,
      level,
      bucket: q.bucket,
      confidence: AGREEMENT_CONFIDENCE,
      seed: AGREEMENT_SEED,
      overall: { ...overall, annotations },
      series,
    };
  });
}

const finiteOrNull = (x: number) => (Number.isFinite(x) ? x : null);

function estimateOf(r: AlphaInterval): AlphaEstimate {
  const alpha = finiteOrNull(r.alpha);
  return {
    alpha,
    lower: alpha === null ? null : finiteOrNull(r.lower),
    upper: alpha === null ? null : finiteOrNull(r.upper),
    units: r.nUnits,
    values: r.nValues,
  };
}

const BUCKET_MS: Record<AgreementBucket, number> = { day: DAY_MS, week: 7 * DAY_MS };

/** Days and ISO weeks (from Monday) start at UTC midnight; 1970-01-01 was a Thursday, 3 days after a Monday. */
const BUCKET_START: Record<AgreementBucket, (t: number) => number> = {
  day: (t) => Math.floor(t / DAY_MS) * DAY_MS,
  week: (t) => {
    const day = Math.floor(t / DAY_MS);
    return (day - ((day + 3) % 7)) * DAY_MS;
  },
};

/**
 * The project's quality dashboard: who is accurate (live gold accuracy with intervals and review outcomes per
 * annotator, sortable), whether annotators agree and how that moves over time (Krippendorff's alpha with its band),
 * and how confident the aggregate is across items (a histogram linking into Results) and whether that confidence
 * holds on gold (a reliability diagram, managers and admins). Every figure comes with its
 * interval and the number it rests on. Who the quality gate has paused, and reinstating them, sits under the table;
 * the effort and fraud signals (flagged annotations, the thresholds) under the review outcomes.
 */
import { useId, useMemo } from 'react';
import { useMe, useProjectSchema } from '../../../api/queries';
import { ErrorMessage, Loading } from '../../../components/Status';
import type { TaskSchema } from '../../../schema';
import { useVendors } from '../queries';
import { AgreementCard } from './AgreementCard';
import { AnnotatorTable } from './AnnotatorTable';
import { joinAnnotatorRows } from './annotator-rows';
import { CalibrationCard } from './CalibrationCard';
import { ConfidenceCard } from './ConfidenceCard';
import { PausedCard } from './PausedCard';
import { useAnnotatorAccuracy, useReviewTally, useSignalCounts } from './queries';
import { SignalsCard } from './SignalsCard';
import { ReviewOutcomesCard } from '../review/ReviewOutcomesCard';
import './quality.css';

const AGREEMENT_TYPES: readonly string[] = ['label', 'multi_label', 'rating', 'pairwise'];
/** Text and conversation aggregates carry no confidence. */
const WITHOUT_CONFIDENCE: readonly string[] = ['text', 'conversation'];

export function QualityTab({ projectId }: { projectId: string }) {
  const schema = useProjectSchema(projectId);
  const questions = (schema.data?.schema as TaskSchema | undefined)?.questions;
  const agreementQuestions = useMemo(() => (questions ?? []).filter((q) => AGREEMENT_TYPES.includes(q.type)), [questions]);
  const confidenceQuestions = useMemo(() => (questions ?? []).filter((q) => !WITHOUT_CONFIDENCE.includes(q.type)), [questions]);
  const labelQuestions = useMemo(() => (questions ?? []).filter((q) => q.type === 'label'), [questions]);
  // The reliability diagram reads gold: managers and admins only.
  const me = useMe();
  const seesGold = me.data?.role === 'admin' || me.data?.role === 'manager';
  return (
    <div className="quality">
      <AnnotatorsCard projectId={projectId} />
      <PausedCard projectId={projectId} />
      <ReviewOutcomesCard projectId={projectId} />
      <SignalsCard projectId={projectId} />
      {schema.isError ? (
        <ErrorMessage error={schema.error} title="The schema could not be loaded" />
      ) : !questions ? (
        <Loading label="Loading the schema" />
      ) : (
        <div className="quality-charts">
          <AgreementCard projectId={projectId} questions={agreementQuestions} />
          <ConfidenceCard projectId={projectId} questions={confidenceQuestions} />
          {seesGold && <CalibrationCard projectId={projectId} questions={labelQuestions} />}
        </div>
      )}
    </div>
  );
}

function AnnotatorsCard({ projectId }: { projectId: string }) {
  const id = useId();
  const accuracy = useAnnotatorAccuracy(projectId);
  const tally = useReviewTally(projectId);
  const vendors = useVendors();
  const signals = useSignalCounts(projectId);
  const rows = useMemo(() => {
    if (!accuracy.data) return null;
    const names = new Map((vendors.data?.items ?? []).map((v) => [v.id, v.name]));
    return joinAnnotatorRows(accuracy.data.items, tally.data?.annotators ?? [], names, signals.data?.annotators);
  }, [accuracy.data, tally.data, vendors.data, signals.data]);
  return (
    <section className="card quality-card" aria-labelledby={`${id}-title`}>
      <div className="card-head">
        <h2 id={`${id}-title`}>Annotators</h2>
      </div>
      <p className="muted small">
        Accuracy on hidden gold (correct of gold judged, as the Vendors tab and the quality report give it), agreement with the consensus (label
        answers matching the aggregated answer) and acceptance in review, each with its Wilson 95% interval; effort and fraud flags of all their
        annotations. Refreshes every 15 seconds.
      </p>
      {accuracy.isError ? (
        <ErrorMessage error={accuracy.error} title="Accuracy could not be loaded" />
      ) : !rows ? (
        <Loading label="Loading annotators" />
      ) : rows.length === 0 ? (
        <p className="muted">No annotator has answered a gold item yet. Accuracy appears here after their first one.</p>
      ) : (
        <>
          {tally.isError && <ErrorMessage error={tally.error} title="Review outcomes could not be loaded" />}
          {signals.isError && <ErrorMessage error={signals.error} title="Flag counts could not be loaded" />}
          <AnnotatorTable rows={rows} />
        </>
      )}
    </section>
  );
}

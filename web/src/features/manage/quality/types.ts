/** Names for the quality dashboard's response shapes, taken from the generated API types. */
import type { paths } from '../../../api/schema';

type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type AnnotatorAccuracyView = Ok<'/api/v1/projects/{projectId}/quality/annotators'>;
export type AnnotatorAccuracy = AnnotatorAccuracyView['items'][number];
export type ReviewTallyView = Ok<'/api/v1/projects/{projectId}/reviews/tally'>;
export type ReviewTally = ReviewTallyView['annotators'][number];
export type AgreementView = Ok<'/api/v1/projects/{projectId}/quality/agreement'>;
export type AgreementPoint = AgreementView['series'][number];
export type AgreementBucket = AgreementView['bucket'];
export type ResultPage = Ok<'/api/v1/projects/{projectId}/results'>;
export type QualityGatesView = Ok<'/api/v1/projects/{projectId}/quality/gates'>;
export type PausedAnnotator = QualityGatesView['paused'][number];
export type GateEvent = QualityGatesView['events'][number];
export type SignalsView = Ok<'/api/v1/projects/{projectId}/quality/signals'>;
export type FlaggedAnnotation = SignalsView['items'][number];
export type SignalFlag = FlaggedAnnotation['flags'][number];
export type SignalKind = SignalFlag['kind'];
/** Flags per annotator or vendor: annotations considered, flagged, and flagged by kind. */
export type SignalCounts = Pick<SignalsView['vendors'][number], 'n' | 'flagged' | 'byKind'>;
export type SignalPolicyView = Ok<'/api/v1/projects/{projectId}/signal-policy'>;
export type SignalPolicy = Omit<SignalPolicyView, 'projectId' | 'updatedAt'>;

/** Names for the Vendors tab's response shapes, taken from the generated API types. */
import type { paths } from '../../../api/schema';

type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type ScorecardsView = Ok<'/api/v1/projects/{projectId}/vendors/scorecards'>;
export type VendorScorecard = ScorecardsView['vendors'][number];
export type OverallScorecard = NonNullable<ScorecardsView['overall']>;
export type AnnotatorScorecardsView = Ok<'/api/v1/projects/{projectId}/vendors/{vendorId}/annotators'>;
export type AnnotatorScorecard = AnnotatorScorecardsView['annotators'][number];
export type HeadToHeadView = Ok<'/api/v1/projects/{projectId}/vendors/head-to-head'>;
/** The figures every scorecard row carries (a vendor, the whole project, an annotator). */
export type Figures = Pick<VendorScorecard, 'gold' | 'smallSample' | 'agreement' | 'review' | 'throughput' | 'cost' | 'trend'> & { alpha?: VendorScorecard['alpha'] };

/** Names for the results browser's response shapes, taken from the generated API types. */
import type { paths } from '../../../api/schema';

type Ok<P extends keyof paths> = paths[P]['get'] extends { responses: { 200: { content: { 'application/json': infer T } } } } ? T : never;

export type ItemPage = Ok<'/api/v1/projects/{projectId}/items'>;
export type ItemSummary = ItemPage['items'][number];
export type ItemDetail = Ok<'/api/v1/projects/{projectId}/items/{itemId}'>;
export type ItemAnnotation = ItemDetail['annotations'][number];
export type QuestionAggregate = ItemDetail['aggregates'][number];
export type ResultPage = Ok<'/api/v1/projects/{projectId}/results'>;
export type ItemResult = ResultPage['items'][number];
export type ItemStatus = ItemSummary['status'];

/** Names for the qualification routes' shapes, taken from the generated API types. */
import type { paths } from '../../api/schema';

type Json<P extends keyof paths, M extends 'get' | 'post', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Qualification = Json<'/api/v1/qualifications/{qualificationId}', 'get', 200>;
/** Where an annotator stands on a qualification (only in an annotator's view). */
export type Standing = NonNullable<Qualification['mine']>;
export type StandingStatus = Standing['status'];
export type AttemptRecord = Json<'/api/v1/qualifications/{qualificationId}/attempts', 'get', 200>['items'][number];
export type Attempt = Json<'/api/v1/qualifications/{qualificationId}/attempts', 'post', 201>;
export type NewQualification = NonNullable<paths['/api/v1/qualifications']['post']['requestBody']>['content']['application/json'];
export type FeedbackMode = NonNullable<NewQualification['goldFeedback']>;

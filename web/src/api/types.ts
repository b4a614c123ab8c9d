/** Names for the API's response shapes the screens use, taken from the generated types. */
import type { paths } from './schema';

type Json<P extends keyof paths, M extends 'get' | 'post' | 'put' | 'patch' | 'delete', S extends number> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type Me = Json<'/api/v1/me', 'get', 200>;
export type Role = Me['role'];
export type Project = Json<'/api/v1/projects/{projectId}', 'get', 200>;
export type ProjectPage = Json<'/api/v1/projects', 'get', 200>;
export type SchemaVersion = Json<'/api/v1/projects/{projectId}/schema', 'get', 200>;
export type Guidelines = Json<'/api/v1/projects/{projectId}/guidelines', 'get', 200>;
export type Progress = Json<'/api/v1/projects/{projectId}/progress', 'get', 200>;
export type Task = Json<'/api/v1/projects/{projectId}/tasks/next', 'post', 200>;
export type Annotation = Json<'/api/v1/projects/{projectId}/annotations', 'get', 200>['items'][number];
/** Submit answers the bare annotation, or with `?next=true` `{ annotation, next, noTask }`. */
export type SubmitResult = Json<'/api/v1/tasks/{assignmentId}/submit', 'post', 201>;
export type SkipResult = Json<'/api/v1/tasks/{assignmentId}/skip', 'post', 200>;
export type MyProgress = Json<'/api/v1/projects/{projectId}/my-progress', 'get', 200>;
export type AnnotationPage = Json<'/api/v1/projects/{projectId}/annotations', 'get', 200>;
export type User = Json<'/api/v1/users', 'get', 200>['items'][number];
export type Vendor = Json<'/api/v1/vendors', 'get', 200>['items'][number];
export type ApiToken = Json<'/api/v1/tokens', 'get', 200>['items'][number];
export type CreatedToken = Json<'/api/v1/tokens', 'post', 201>;

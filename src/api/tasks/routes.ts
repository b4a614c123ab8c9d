import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextTask } from '../../services/tasks/next-task.js';
import { nextTaskAnywhere } from '../../services/tasks/next-task-anywhere.js';
import { submitAnnotation } from '../../services/tasks/submit-annotation.js';
import { skipTask } from '../../services/tasks/skip-task.js';
import { skipAndClaimNext, submitAndClaimNext } from '../../services/tasks/claim-follow-up.js';
import { NO_TASK_REASONS } from '../../core/assignment.js';
import { getMyProgress } from '../../services/tasks/my-progress.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errorBody, errors, jsonObject, projectParams } from '../common-schemas.js';
import { annotationView, clientSignals } from '../annotations/schemas.js';

const taskView = z.object({
  assignmentId: z.string(),
  projectId: z.string(),
  item: z.object({ id: z.string(), data: jsonObject }),
  schemaVersion: z.number().int(),
  guidelineVersion: z.number().int(),
  leaseExpiresAt: z.string(),
});

/** `?next=true` on submit and skip: claim the next task in the same round trip. */
const followUpQuery = z.object({
  next: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: also claim the next task and answer { …, next, noTask } instead of the bare result'),
});
const followUp = {
  next: taskView.nullable().describe('The next task (a new lease, or the open one resumed); null when there is none'),
  noTask: z
    .object({ reason: z.enum(NO_TASK_REASONS), message: z.string() })
    .nullable()
    .describe('Why there is no next task (as tasks/next says in its 409); null when next is set'),
};
const skipView = z.object({ assignmentId: z.string(), status: z.literal('skipped'), reason: z.string() });
/** Null unless the item was gold, the answer missed it and the project is in feedback mode (see submit-annotation.ts). */
const goldFeedback = z
  .object({ correctAnswers: jsonObject, explanation: z.string().nullable() })
  .nullable()
  .describe('After a missed check item in a project with feedback on: the expected answers and why; null otherwise');
const submitted = annotationView
  .extend({ feedback: goldFeedback })
  .or(z.object({ annotation: annotationView, feedback: goldFeedback, ...followUp }).describe('With ?next=true'));
const skipped = skipView.or(z.object({ skipped: skipView, ...followUp }).describe('With ?next=true'));

const myProgressView = z.object({
  projectId: z.string(),
  mine: z.object({
    judgments: z.number().int(),
    skips: z.number().int(),
    timeSpentMs: z.number().int().describe('Sum of the time spent reported with my submissions'),
    lastSubmittedAt: z.string().nullable(),
  }),
  openLease: z.object({ assignmentId: z.string(), leaseExpiresAt: z.string() }).nullable().describe('tasks/next resumes it'),
  itemsLeft: z.number().int().describe('Items still short of their judgments that I have never been given (0 while paused)'),
  paused: z.boolean().describe('The quality gate has paused me on this project: no task until a manager reinstates me'),
  blocked: z
    .enum(NO_TASK_REASONS)
    .nullable()
    .describe('Why tasks/next would give me nothing new (paused, not_in_domain, not_qualified, quota_reached, qualification_not_started, qualification_complete); null when it may'),
  blockedMessage: z.string().nullable().describe('The same in words, with what to do; null when not blocked'),
  requiredQualification: z
    .object({ id: z.string(), name: z.string() })
    .nullable()
    .describe('With not_qualified: the qualification that would earn the skill, when there is one'),
  project: z.object({
    overlapK: z.number().int(),
    totalItems: z.number().int(),
    completeItems: z.number().int(),
    judgments: z.number().int(),
    judgmentsNeeded: z.number().int(),
  }),
});

const assignmentParams = z.object({ assignmentId: z.string().min(1) });
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().min(1).max(200).optional() });

export const taskRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.post(
    '/projects/:projectId/tasks/next',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Claim the next task (or resume my open lease); 409 no_task says why there is none',
        params: projectParams,
        response: { 200: taskView, ...errors },
      },
    },
    async (req) => nextTask(deps, actorOf(req), req.params.projectId),
  );

  app.post(
    '/tasks/next',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Claim the next task in any of my projects (project priority, then item priority, then age), or resume my open lease',
        description:
          'Tries each active project open to me in order of project priority, then age, with that project\'s own rules. ' +
          '409 no_task: `details.reason` is the reason every project gave (or none_eligible when they differ), ' +
          '`details.projects` each project\'s reason.',
        response: { 200: taskView, ...errors },
      },
    },
    async (req) => nextTaskAnywhere(deps, actorOf(req)),
  );

  app.post(
    '/tasks/:assignmentId/submit',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Submit the answers for a leased task; a retry with the same Idempotency-Key returns the first result',
        description:
          'With `?next=true` the answer is `{ annotation, next, noTask }`: the next task is claimed in the same round trip ' +
          '(a retry with the same key replays the annotation and resumes the same next lease). Without it, the annotation.',
        params: assignmentParams,
        querystring: followUpQuery,
        headers: idempotencyHeaders,
        body: z.object({
          answers: jsonObject.describe('Answer per question id, as the schema defines'),
          timeSpentMs: z.number().int().min(0).max(86_400_000),
          clientSignals: clientSignals.strict().optional(),
        }),
        response: { 200: submitted, 201: submitted, ...errors, 410: errorBody },
      },
    },
    async (req, reply) => {
      const input = {
        assignmentId: req.params.assignmentId,
        answers: req.body.answers,
        timeSpentMs: req.body.timeSpentMs,
        clientSignals: req.body.clientSignals,
        idempotencyKey: req.headers['idempotency-key'],
      };
      if (req.query.next === 'true') {
        const { replayed, ...r } = await submitAndClaimNext(deps, actorOf(req), input);
        if (replayed) reply.header('Idempotent-Replayed', 'true');
        return reply.code(replayed ? 200 : 201).send(r);
      }
      const r = await submitAnnotation(deps, actorOf(req), input);
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(r.replayed ? 200 : 201).send({ ...r.annotation, feedback: r.feedback });
    },
  );

  app.post(
    '/tasks/:assignmentId/skip',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Skip a leased task with a reason; the item goes back to the pool',
        description: 'With `?next=true` the answer is `{ skipped, next, noTask }`: the next task is claimed in the same round trip.',
        params: assignmentParams,
        querystring: followUpQuery,
        body: z.object({ reason: z.string().min(1).max(2000) }),
        response: { 200: skipped, ...errors, 410: errorBody },
      },
    },
    async (req) => {
      if (req.query.next === 'true') {
        const { skipped: s, ...rest } = await skipAndClaimNext(deps, actorOf(req), req.params.assignmentId, req.body.reason);
        return { skipped: { assignmentId: s.assignmentId, status: s.status, reason: s.reason }, ...rest };
      }
      const s = await skipTask(deps, actorOf(req), req.params.assignmentId, req.body.reason);
      return { assignmentId: s.assignmentId, status: s.status, reason: s.reason };
    },
  );

  app.get(
    '/projects/:projectId/my-progress',
    {
      schema: {
        tags: ['tasks'],
        summary: 'My own work in a project (judgments, skips, time, open lease, items left for me) and its overall completion',
        params: projectParams,
        response: { 200: myProgressView, ...errors },
      },
    },
    async (req) => getMyProgress(deps, actorOf(req), req.params.projectId),
  );
};

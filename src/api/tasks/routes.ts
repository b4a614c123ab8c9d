import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { nextTask } from '../../services/tasks/next-task.js';
import { submitAnnotation } from '../../services/tasks/submit-annotation.js';
import { skipTask } from '../../services/tasks/skip-task.js';
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
    '/tasks/:assignmentId/submit',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Submit the answers for a leased task; a retry with the same Idempotency-Key returns the first result',
        params: assignmentParams,
        headers: idempotencyHeaders,
        body: z.object({
          answers: jsonObject.describe('Answer per question id, as the schema defines'),
          timeSpentMs: z.number().int().min(0).max(86_400_000),
          clientSignals: clientSignals.strict().optional(),
        }),
        response: { 200: annotationView, 201: annotationView, ...errors, 410: errorBody },
      },
    },
    async (req, reply) => {
      const r = await submitAnnotation(deps, actorOf(req), {
        assignmentId: req.params.assignmentId,
        answers: req.body.answers,
        timeSpentMs: req.body.timeSpentMs,
        clientSignals: req.body.clientSignals,
        idempotencyKey: req.headers['idempotency-key'],
      });
      if (r.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.code(r.replayed ? 200 : 201).send(r.annotation);
    },
  );

  app.post(
    '/tasks/:assignmentId/skip',
    {
      schema: {
        tags: ['tasks'],
        summary: 'Skip a leased task with a reason; the item goes back to the pool',
        params: assignmentParams,
        body: z.object({ reason: z.string().min(1).max(2000) }),
        response: { 200: z.object({ assignmentId: z.string(), status: z.literal('skipped'), reason: z.string() }), ...errors, 410: errorBody },
      },
    },
    async (req) => skipTask(deps, actorOf(req), req.params.assignmentId, req.body.reason),
  );
};

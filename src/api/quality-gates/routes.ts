import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { listQualityGates, reinstate } from '../../services/quality/gates.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, projectParams } from '../common-schemas.js';

const pausedAnnotator = z.object({
  annotatorId: z.string(),
  name: z.string(),
  vendorId: z.string().nullable(),
  reason: z.string().describe('Why the gate paused them, e.g. "accuracy upper bound 0.52 < floor 0.60 after 12 gold items (4 correct)"'),
  pausedAt: z.string(),
  gold: z.object({ n: z.number().int(), correct: z.number().int(), failStreak: z.number().int() }).describe('Their gold record since they started or were last reinstated'),
  reinstatedBy: z.string().nullable(),
  reinstatedAt: z.string().nullable(),
});

const gateEvent = z.object({
  id: z.string(),
  kind: z.string().describe('annotator.paused | annotator.reinstated'),
  annotatorId: z.string().nullable(),
  actorId: z.string().describe("'system' for the gate itself"),
  message: z.string(),
  createdAt: z.string(),
});

export const qualityGateRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/quality/gates',
    {
      schema: {
        tags: ['quality'],
        summary: 'Annotators the quality gate has paused on the project, with the reasons, and the latest gate events (a vendor manager: their vendor only)',
        params: projectParams,
        response: {
          200: z.object({
            projectId: z.string(),
            policy: z.object({ enabled: z.boolean(), floor: z.number(), minGold: z.number().int(), maxFailStreak: z.number().int() }),
            paused: z.array(pausedAnnotator),
            events: z.array(gateEvent),
          }),
          ...errors,
        },
      },
    },
    async (req) => listQualityGates(deps, actorOf(req), req.params.projectId),
  );
  app.post(
    '/projects/:projectId/annotators/:userId/reinstate',
    {
      schema: {
        tags: ['quality'],
        summary: 'Reinstate an annotator the quality gate paused: they may take tasks again and the gate counts their gold from now on; 409 if not paused',
        params: projectParams.extend({ userId: z.string().min(1) }),
        response: {
          200: z.object({ projectId: z.string(), annotatorId: z.string(), status: z.literal('active'), reinstatedBy: z.string(), reinstatedAt: z.string() }),
          ...errors,
        },
      },
    },
    async (req) => reinstate(deps, actorOf(req), req.params.projectId, req.params.userId),
  );
};

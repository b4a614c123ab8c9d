import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { listAnnotatorAccuracy } from '../../services/quality/annotator-accuracy.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, projectParams } from '../common-schemas.js';

const annotatorAccuracy = z.object({
  annotatorId: z.string(),
  name: z.string(),
  vendorId: z.string().nullable(),
  n: z.number().int().describe('Gold annotations scored'),
  correct: z.number().int(),
  accuracy: z
    .object({ mean: z.number(), lower: z.number(), upper: z.number(), level: z.number() })
    .describe('Posterior Beta(1 + correct, 1 + wrong): mean and equal-tailed credible interval'),
});

export const qualityRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/quality/annotators',
    {
      schema: {
        tags: ['quality'],
        summary: 'Live accuracy on hidden gold per annotator (a vendor manager: their vendor only), with n and a 95% interval',
        params: projectParams,
        response: { 200: z.object({ projectId: z.string(), prior: z.literal('Beta(1,1)'), items: z.array(annotatorAccuracy) }), ...errors },
      },
    },
    async (req) => listAnnotatorAccuracy(deps, actorOf(req), req.params.projectId),
  );
};

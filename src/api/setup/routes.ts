/**
 * The first-run screen's API: public, because nobody exists yet to sign in, and open only while the database has
 * no organization (409 `conflict` from then on, the demo's included). The handler acts as the system, the one
 * actor that may create an organization; the service decides, atomically, that this is the first.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { systemActor } from '../../core/permissions.js';
import type { ServiceDeps } from '../../services/deps.js';
import { firstRunNeeded, setUpFirstRun } from '../../services/workforce/first-run.js';
import { errorBody } from '../common-schemas.js';
import { userView } from '../workforce/schemas.js';

const setupBody = z.object({
  organization: z.string().max(200).describe('The organization (your lab)'),
  name: z.string().max(200).describe("The first admin's name"),
  email: z.string().max(320).describe("The first admin's email, to sign in with"),
  password: z.string().max(200).describe('At least 8 characters'),
});

export const setupRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/setup',
    {
      config: { public: true },
      schema: {
        tags: ['setup'],
        summary: 'Whether this installation still needs its first organization (the first-run screen is open only then)',
        security: [],
        response: { 200: z.object({ needed: z.boolean() }) },
      },
    },
    async () => ({ needed: await firstRunNeeded(deps) }),
  );
  app.post(
    '/setup',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['setup'],
        summary: 'Create the first organization and its admin; 409 once any organization exists',
        security: [],
        body: setupBody,
        response: {
          201: z.object({ organization: z.object({ id: z.string(), name: z.string(), createdAt: z.string() }), admin: userView }),
          400: errorBody,
          409: errorBody,
          429: errorBody,
        },
      },
    },
    async (req, reply) => reply.code(201).send(await setUpFirstRun(deps, systemActor(), { ...req.body, via: 'web' })),
  );
};

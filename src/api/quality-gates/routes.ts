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
  reason: z.string().describe('Why the gate paused them, e.g. "4 of 14 gold items right: 40.2 times likelier from guessing (chance 25%) than from 65% accuracy (limit 3.1)"'),
  pausedAt: z.string(),
  gold: z.object({ n: z.number().int(), correct: z.number().int(), failStreak: z.number().int() }).describe('Their gold record since they started or were last reinstated'),
  reinstatedBy: z.string().nullable(),
  reinstatedAt: z.string().nullable(),
});

const gateRule = z
  .object({
    floor: z.number(),
    honest: z.number().describe('floor + 0.05: the accuracy that must almost never be paused'),
    chance: z.number().describe("A guesser's chance of a right answer (the policy's, or from the schema's options)"),
    chanceFromSchema: z.boolean(),
    schemaChance: z.number().describe("The schema's own chance rate: the product over its scored questions of 1/options"),
    threshold: z.number().nullable().describe('ln of the likelihood ratio (guessing against honest) that pauses; null: no such rule (chance not below honest)'),
    likelihoodRatio: z.number().nullable().describe('The same as a ratio, e^threshold'),
    minItems: z.number().int().describe('Gold items before the likelihood rule applies'),
    maxFailStreak: z.number().int().describe('Gold items missed in a row that pause; 0: none'),
    falsePause: z.number().describe('Exact chance an annotator at honest accuracy is paused within 200 gold items (at most 0.05)'),
    pausedWithin: z.number().describe('Exact chance a guesser is paused within 20 gold items'),
    within95: z.number().int().nullable().describe('Gold items by which a guesser is paused with chance ≥ 0.95 (null: not within 200)'),
    meetsTarget: z.boolean().describe('pausedWithin ≥ 0.95; false where accuracy alone cannot tell a guesser in 20 items (few classes, low floor)'),
  })
  .describe('The rules derived from the floor and the chance rate (core/gold/gate-rule.ts)');

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
            policy: z.object({ enabled: z.boolean(), floor: z.number(), chance: z.number().nullable() }),
            rule: gateRule,
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

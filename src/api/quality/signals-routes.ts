import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { getSignals } from '../../services/quality/signals.js';
import { SIGNAL_KINDS } from '../../core/signals.js';
import { getSignalPolicy, setSignalPolicy } from '../../services/quality/signal-policy.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, pageQuery, projectParams } from '../common-schemas.js';
import { signalFlag } from './signal-schemas.js';

const signalPolicy = z.object({
  tooFastRatio: z.number().gt(0).max(1).describe("too_fast: time on task under this fraction of the item's median and of the annotator's own median"),
  tooFastMinOthers: z.number().int().min(1).max(1000).describe("too_fast: other annotators' annotations an item needs for its own median (fewer: the project's median)"),
  pastedShare: z.number().gt(0).max(1).describe('pasted: pasted characters over the length of the text answers at or above this'),
  duplicateJaccard: z.number().gt(0).max(1).describe('near_duplicate: estimated Jaccard similarity (MinHash over word 3-grams) at or above this'),
  duplicateMinWords: z.number().int().min(3).max(10_000).describe('near_duplicate: texts with fewer words are ignored'),
  straightShare: z.number().gt(0).max(1).describe("straight_lining: share of the annotator's most frequent answer at or above this"),
  straightAlpha: z.number().gt(0).lt(1).describe("straight_lining: one-sided binomial p-value against the other annotators' share under this"),
  straightMinN: z.number().int().min(1).max(100_000).describe('straight_lining: answers to the question needed'),
  goldFailStreak: z.number().int().min(0).max(100_000).nullable().describe("gold_fail_streak: gold items missed in a row; null: the quality gate's streak (0: off)"),
});

const signalPolicyView = signalPolicy.extend({ projectId: z.string(), updatedAt: z.string().nullable().describe('null: never set (the defaults apply)') });

const counts = {
  n: z.number().int().describe('Annotations considered (reviewers’ corrections left out)'),
  flagged: z.number().int().describe('Annotations with at least one flag'),
  byKind: z.object(Object.fromEntries(SIGNAL_KINDS.map((k) => [k, z.number().int()])) as Record<(typeof SIGNAL_KINDS)[number], z.ZodNumber>),
};

const signalsView = z.object({
  projectId: z.string(),
  policy: signalPolicy,
  items: z.array(
    z.object({
      annotationId: z.string(),
      itemId: z.string(),
      itemExternalId: z.string().nullable(),
      annotatorId: z.string(),
      pseudonym: z.string(),
      vendorId: z.string().nullable(),
      createdAt: z.string(),
      flags: z.array(signalFlag),
    }),
  ),
  nextCursor: z.string().nullable().describe('null on the last page'),
  annotators: z.array(z.object({ annotatorId: z.string(), pseudonym: z.string(), vendorId: z.string().nullable(), ...counts })).describe('Per annotator: annotations flagged, by kind'),
  vendors: z.array(z.object({ vendorId: z.string().nullable(), ...counts })).describe('Per vendor (null: no vendor)'),
});

export const signalRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/signal-policy',
    { schema: { tags: ['quality'], summary: 'The thresholds of the effort and fraud signals (defaults when never set)', params: projectParams, response: { 200: signalPolicyView, ...errors } } },
    async (req) => getSignalPolicy(deps, actorOf(req), req.params.projectId),
  );
  app.put(
    '/projects/:projectId/signal-policy',
    {
      schema: {
        tags: ['quality'],
        summary: 'Set signal thresholds; fields left out keep their value',
        params: projectParams,
        body: signalPolicy.partial(),
        response: { 200: signalPolicyView, ...errors },
      },
    },
    async (req) => setSignalPolicy(deps, actorOf(req), req.params.projectId, req.body),
  );
  app.get(
    '/projects/:projectId/quality/signals',
    {
      schema: {
        tags: ['quality'],
        summary: 'Effort and fraud signals: flagged annotations (paged, oldest first), counts per annotator and per vendor (a vendor manager: their vendor only)',
        params: projectParams,
        querystring: pageQuery.extend({
          kind: z.enum(SIGNAL_KINDS).optional().describe('Only annotations with this flag'),
          annotatorId: z.string().min(1).optional().describe("Only this annotator's annotations (the counts stay whole)"),
        }),
        response: { 200: signalsView, ...errors },
      },
    },
    async (req) => getSignals(deps, actorOf(req), req.params.projectId, req.query),
  );
};

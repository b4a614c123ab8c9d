/**
 * Vendor scorecards and the head-to-head of two vendors on a project (services in `src/services/vendors/`).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { headToHead } from '../../services/vendors/head-to-head.js';
import { projectScorecards, vendorAnnotatorScorecards } from '../../services/vendors/scorecards.js';
import { VENDOR_KINDS } from '../../core/vendor.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, projectParams } from '../common-schemas.js';
import { payTermsView } from '../workforce/schemas.js';

const proportion = z
  .object({ n: z.number().int(), k: z.number().int(), rate: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable() })
  .describe('k of n with a Wilson 95% interval; rate and bounds null when n is 0');
const minor = z
  .object({ estimate: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable() })
  .describe('Exact minor units (fractional: 1.74 is 1.74 cents) with a 95% interval that contains the estimate; null where undefined or unbounded (a rate bound of 0)');
const alpha = z
  .object({
    questionId: z.string(),
    alpha: z.number().nullable(),
    lower: z.number().nullable(),
    upper: z.number().nullable(),
    units: z.number().int(),
    values: z.number().int(),
  })
  .describe("Krippendorff's alpha among the group's own judgments on the schema's first label/multi_label/rating/pairwise question");

const figures = {
  gold: proportion.describe('Gold accuracy: correct of scored gold judgments, Wilson 95% interval'),
  smallSample: z.boolean().describe('Fewer than 30 gold judgments'),
  agreement: proportion.nullable().describe('Agreement with the aggregated answer on label questions of normal items'),
  review: z.object({
    decided: z.number().int(),
    accepted: z.number().int(),
    rejected: z.number().int(),
    corrected: z.number().int(),
    acceptance: proportion,
    rejectionReasons: z.array(z.object({ reason: z.string(), n: z.number().int() })),
  }),
  throughput: z.object({
    judgments: z.number().int(),
    activeHours: z.number().describe('Σ time_spent_ms in hours'),
    perActiveHour: z.number().nullable(),
    medianTimeMs: z.number().nullable(),
  }),
  cost: z
    .object({
      currency: z.string(),
      payModel: z.enum(['per_task', 'per_hour']),
      total: z.number().describe('Exact minor units, fractional; round only to show'),
      perJudgment: z.number().nullable().describe('Exact minor units, fractional'),
      perAcceptedJudgment: minor,
      perCorrectJudgment: minor.describe('Cost per judgment / gold accuracy; interval from the accuracy interval'),
    })
    .nullable()
    .describe('Null without pay terms (overall: unless every judgment was paid in one currency)'),
  trend: z
    .array(z.object({ weekStart: z.string(), n: z.number().int(), correct: z.number().int(), rate: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable() }))
    .describe('Gold accuracy per ISO week (Monday 00:00 UTC), each week on its own'),
};

const vendorScorecard = z.object({
  vendorId: z.string(),
  name: z.string(),
  kind: z.enum(VENDOR_KINDS),
  payTerms: payTermsView.nullable(),
  ...figures,
  alpha: alpha.nullable(),
});

const scorecardsView = z.object({
  projectId: z.string(),
  level: z.number(),
  intervals: z.string(),
  rounding: z.string(),
  vendors: z.array(vendorScorecard),
  overall: z
    .object({ ...figures, alpha: alpha.nullable() })
    .nullable()
    .describe('The whole project; null for a vendor manager'),
});

const annotatorScorecards = z.object({
  projectId: z.string(),
  vendor: z.object({ id: z.string(), name: z.string(), kind: z.enum(VENDOR_KINDS), payTerms: payTermsView.nullable() }),
  level: z.number(),
  intervals: z.string(),
  rounding: z.string(),
  annotators: z.array(z.object({ annotatorId: z.string(), name: z.string(), pseudonym: z.string(), ...figures })),
});

const comparison = {
  accuracyA: z.number().nullable(),
  accuracyB: z.number().nullable(),
  difference: z.number().nullable().describe('Accuracy of a minus accuracy of b'),
  lower: z.number().nullable(),
  upper: z.number().nullable(),
  statistic: z.number().nullable().describe('z (unpaired) or the bootstrap t, difference over its standard error (paired)'),
  pValue: z.number().nullable().describe('Two-sided'),
  smallSample: z.boolean().describe('Fewer than 30 items (paired) or judgments (independent) a side'),
};

const headToHeadView = z.object({
  projectId: z.string(),
  a: z.object({ vendorId: z.string(), name: z.string() }),
  b: z.object({ vendorId: z.string(), name: z.string() }),
  level: z.number(),
  paired: z.object({
    items: z.number().int().describe('Gold items both vendors judged (the units resampled)'),
    judgmentsA: z.number().int().describe("Vendor a's judgments of those items, every one counted"),
    judgmentsB: z.number().int(),
    annotatorsA: z.number().int().describe("Vendor a's annotators who judged them"),
    annotatorsB: z.number().int(),
    ...comparison,
    method: z.object({ interval: z.string(), test: z.string(), pairing: z.string() }),
  }),
  independent: z.object({
    nA: z.number().int(),
    correctA: z.number().int(),
    nB: z.number().int(),
    correctB: z.number().int(),
    ...comparison,
    method: z.object({ interval: z.string(), test: z.string() }),
  }),
});

export const vendorRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/vendors/scorecards',
    {
      schema: {
        tags: ['vendors'],
        summary: 'Scorecards of the vendors on a project and overall: gold accuracy, agreement, alpha, review, throughput, cost per correct judgment, weekly trend (a vendor manager: their own only)',
        params: projectParams,
        response: { 200: scorecardsView, ...errors },
      },
    },
    async (req) => projectScorecards(deps, actorOf(req), req.params.projectId),
  );
  app.get(
    '/projects/:projectId/vendors/head-to-head',
    {
      schema: {
        tags: ['vendors'],
        summary: "Two vendors' gold accuracy compared, paired on shared gold items (every judgment, a bootstrap over items) and independent, with intervals and p-values (managers, admins)",
        params: projectParams,
        querystring: z.object({ a: z.string().min(1).optional(), b: z.string().min(1).optional() }),
        response: { 200: headToHeadView, ...errors },
      },
    },
    async (req) => headToHead(deps, actorOf(req), req.params.projectId, req.query),
  );
  app.get(
    '/projects/:projectId/vendors/:vendorId/annotators',
    {
      schema: {
        tags: ['vendors'],
        summary: "Scorecards of one vendor's annotators on a project (a vendor manager: their own vendor only)",
        params: projectParams.extend({ vendorId: z.string().min(1) }),
        response: { 200: annotatorScorecards, ...errors },
      },
    },
    async (req) => vendorAnnotatorScorecards(deps, actorOf(req), req.params.projectId, req.params.vendorId),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { listAnnotatorAccuracy } from '../../services/quality/annotator-accuracy.js';
import { AGREEMENT_BUCKETS } from '../../core/time-buckets.js';
import { getAgreement } from '../../services/quality/agreement.js';
import { getCalibration } from '../../services/quality/calibration.js';
import { AGREEMENT_QUESTION_TYPES, MEASUREMENT_LEVELS } from '../../core/agreement.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, projectParams } from '../common-schemas.js';

const annotatorAccuracy = z.object({
  annotatorId: z.string(),
  name: z.string(),
  pseudonym: z.string().describe('The stable pseudonym exports carry instead of the name'),
  vendorId: z.string().nullable(),
  n: z.number().int().describe('Gold annotations scored'),
  correct: z.number().int(),
  accuracy: z
    .object({ rate: z.number(), lower: z.number(), upper: z.number(), level: z.number() })
    .describe('Observed share correct / n with its Wilson score 95% interval: the figure the scorecards and the report show'),
  status: z.enum(['active', 'paused']).describe("paused while the project's quality gate has them paused"),
  agreement: z
    .object({ n: z.number().int(), agreed: z.number().int(), rate: z.number(), lower: z.number(), upper: z.number() })
    .nullable()
    .describe("Agreement with the aggregated answer on label questions of normal items, Wilson 95% interval; null before any"),
});

const alphaEstimate = {
  alpha: z.number().nullable().describe("Krippendorff's alpha; null when undefined (fewer than two pairable values or no variation)"),
  lower: z.number().nullable().describe('Seeded percentile-bootstrap interval over units'),
  upper: z.number().nullable(),
  units: z.number().int().describe('Pairable units: items with two values or more (multi_label: item × option pairs)'),
  values: z.number().int().describe('Pairable values, the sample size of the coincidence matrix'),
};

const agreementView = z.object({
  projectId: z.string(),
  questionId: z.string(),
  questionType: z.enum(AGREEMENT_QUESTION_TYPES),
  level: z.enum(MEASUREMENT_LEVELS).describe('label and multi_label (presence per option) nominal; rating and pairwise interval'),
  bucket: z.enum(AGREEMENT_BUCKETS),
  confidence: z.number(),
  seed: z.number().int(),
  overall: z.object({ ...alphaEstimate, annotations: z.number().int() }),
  series: z
    .array(z.object({ start: z.string(), end: z.string(), annotations: z.number().int().describe('Annotations submitted in the bucket'), ...alphaEstimate }))
    .describe('Cumulative: alpha over every annotation submitted before each bucket ends; buckets without annotations are left out'),
});

const calibrationView = z.object({
  projectId: z.string(),
  questionId: z.string().nullable().describe('The label question shown; null when the schema has none'),
  basis: z
    .object({ kind: z.enum(['calibrated', 'model']), nGold: z.number().int() })
    .describe("What the question's confidences rest on: calibrated on nGold judged gold items, or the model's own (too few gold items to calibrate)"),
  n: z.number().int().describe('Judged gold items in the diagram'),
  ece: z.number().nullable().describe('Expected calibration error of the cross-fitted confidences, 10 equal-width bins; null without judged gold'),
  bins: z.array(
    z.object({
      lower: z.number(),
      upper: z.number(),
      n: z.number().int().describe('Judged gold items whose cross-fitted confidence falls in the bin'),
      confidence: z.number().nullable().describe('Their mean confidence; null when empty'),
      accuracy: z
        .object({ rate: z.number(), lower: z.number(), upper: z.number() })
        .nullable()
        .describe('Share whose chosen option is the gold answer, with its Wilson 95% interval; null when empty'),
    }),
  ),
});

export const qualityRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/quality/annotators',
    {
      schema: {
        tags: ['quality'],
        summary: 'Live accuracy on hidden gold per annotator (a vendor manager: their vendor only), with n and a 95% interval',
        params: projectParams,
        response: { 200: z.object({ projectId: z.string(), interval: z.string(), items: z.array(annotatorAccuracy) }), ...errors },
      },
    },
    async (req) => listAnnotatorAccuracy(deps, actorOf(req), req.params.projectId),
  );

  app.get(
    '/projects/:projectId/quality/agreement',
    {
      schema: {
        tags: ['quality'],
        summary: "Krippendorff's alpha of a question with a 95% interval, overall and cumulative per day or week (a vendor manager: their vendor's annotations)",
        params: projectParams,
        querystring: z.object({
          bucket: z.enum(AGREEMENT_BUCKETS).default('day'),
          question: z.string().min(1).optional().describe('A label, multi_label, rating or pairwise question; defaults to the first one'),
        }),
        response: { 200: agreementView, ...errors },
      },
    },
    async (req) => getAgreement(deps, actorOf(req), req.params.projectId, req.query),
  );

  app.get(
    '/projects/:projectId/quality/calibration',
    {
      schema: {
        tags: ['quality'],
        summary: "Reliability diagram of a label question: judged gold items by their cross-fitted confidence, with each bin's share right (Wilson 95% interval) and n",
        params: projectParams,
        querystring: z.object({ question: z.string().min(1).optional().describe('A label question; defaults to the first one') }),
        response: { 200: calibrationView, ...errors },
      },
    },
    async (req) => getCalibration(deps, actorOf(req), req.params.projectId, req.query),
  );
};

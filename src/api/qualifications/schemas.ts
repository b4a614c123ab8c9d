/** Zod schemas of the qualification routes: requests validated, responses serialised and documented from one place. */
import { z } from 'zod';
import { GOLD_FEEDBACK_MODES } from '../../core/project.js';
import { ATTEMPT_STATUSES, MINE_STATUSES } from '../../core/qualification.js';
import { domainSetting } from '../projects/routes.js';

export const qualificationParams = z.object({ qualificationId: z.string().min(1) });
export const userParams = z.object({ userId: z.string().min(1) });

export const createQualificationBody = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  domain: domainSetting.describe('The domain a pass grants skill in, e.g. medicine/cardiology'),
  schema: z.unknown().describe('The task schema its items are answered with (as for a project)'),
  guidelines: z.string().max(1_000_000).optional().describe('Markdown'),
  passMark: z.number().min(0).max(1).describe('Share of an attempt answered correctly to pass'),
  attemptSize: z.number().int().min(1).max(10_000).describe('Items per attempt, each one the annotator has not seen'),
  cooldownHours: z.number().min(0).max(24 * 365).describe('After a failed attempt, hours before a retake'),
  goldFeedback: z.enum(GOLD_FEEDBACK_MODES).optional().describe('feedback: a missed item shows its answer and explanation after submit; audit (default): nothing'),
});

const estimate = z.object({ n: z.number().int(), correct: z.number().int(), mean: z.number(), low: z.number(), high: z.number() });

export const qualificationView = z.object({
  id: z.string().describe('The qualification project id: take an attempt through POST /projects/{id}/tasks/next'),
  name: z.string(),
  description: z.string(),
  domain: z.string(),
  passMark: z.number(),
  attemptSize: z.number().int(),
  cooldownSeconds: z.number().int(),
  goldItems: z.number().int().describe('Items in its pool (all with an answer)'),
  createdAt: z.string(),
  mine: z
    .object({
      status: z.enum(MINE_STATUSES),
      answered: z.number().int(),
      size: z.number().int(),
      retakeAt: z.string().nullable(),
      skill: estimate.optional().describe('After a pass: the skill granted, Beta(1 + correct, 1 + size − correct) with its 95% interval'),
    })
    .optional()
    .describe('For an annotator: where they stand on it'),
});

export const attemptView = z.object({
  id: z.string(),
  qualificationId: z.string(),
  status: z.enum(ATTEMPT_STATUSES),
  size: z.number().int(),
  answered: z.number().int().describe('Items answered (skips are taken, not answered)'),
  correct: z.number().int().optional().describe('Shown to the annotator once the attempt is over'),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  retakeAt: z.string().nullable(),
});

export const attemptRecord = attemptView.extend({
  annotatorId: z.string().optional(),
  annotatorName: z.string().optional(),
  vendorId: z.string().nullable().optional(),
  passed: z.boolean().nullable().optional(),
  accuracy: z
    .object({ n: z.number().int(), correct: z.number().int(), rate: z.number().nullable(), lower: z.number().nullable(), upper: z.number().nullable() })
    .optional()
    .describe('The attempt\'s score: correct / n with its Wilson 95% interval (null before any answer), n = size once closed (a skip counts as a miss)'),
});

export const skillView = z.object({
  domain: z.string(),
  n: z.number().int(),
  correct: z.number().int(),
  mean: z.number().describe('Posterior mean accuracy (1 + correct) / (2 + n)'),
  low: z.number().describe('95% Beta interval, lower end'),
  high: z.number(),
  fromQualification: z.object({ n: z.number().int(), correct: z.number().int(), passedAt: z.string() }).nullable(),
  fromGold: z
    .object({ n: z.number().int(), correct: z.number().int() })
    .nullable()
    .describe('Gold answers on production projects of the domain (or below it); null in an annotator\'s own view'),
});

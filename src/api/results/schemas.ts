import { z } from 'zod';
import { QUESTION_TYPES } from '../../core/schema/index.js';
import { ITEM_STATUSES } from '../../core/item.js';
import { AGGREGATION_METHODS } from '../../core/result.js';
import { clientSignals } from '../annotations/schemas.js';
import { jsonObject, pageQuery } from '../common-schemas.js';
import { signalFlag } from '../quality/signal-schemas.js';

/** `true`/`false` in a query string (z.coerce.boolean would read "false" as true). */
const queryBoolean = z.enum(['true', 'false']).transform((v) => v === 'true');

export const listItemsQuery = pageQuery.extend({
  status: z.enum(ITEM_STATUSES).optional().describe('complete: all its judgments in; in_progress: some judgments or a live lease, not all; remaining: not started (no judgment, no live lease)'),
  gold: queryBoolean.optional().describe('Only gold (true) or non-gold (false) items; needs the gold permission'),
  q: z.string().max(200).optional().describe("Text in the item's data (any string value, case-insensitive), its id or its external id"),
});

export const itemSummary = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  preview: z.string().describe("The item's string values, joined and cut short"),
  judgments: z.number().int(),
  judgmentsNeeded: z.number().int(),
  status: z.enum(ITEM_STATUSES),
  isGold: z.boolean().optional().describe('Only for roles that may see gold'),
  createdAt: z.string(),
});

export const questionAggregate = z.object({
  questionId: z.string(),
  type: z.enum(QUESTION_TYPES),
  method: z.enum(AGGREGATION_METHODS),
  n: z.number().int().describe('Judgments behind the aggregate'),
  answer: z
    .unknown()
    .describe(
      'label: option value; multi_label: option values; rating: estimate; pairwise: {prefers, strength}; ranking: candidate indices best first; ' +
        'span: [{start, end, label, support}]; rubric: {scores, weightedScore}; text, conversation: null',
    ),
  confidence: z.number().nullable(),
  basis: z
    .object({ kind: z.enum(['calibrated', 'model']), nGold: z.number().int() })
    .optional()
    .describe(
      'With every confidence: calibrated against nGold judged gold items (label, multi_label, cross-fitted so no gold item calibrates itself), ' +
        "or model: the method's own figure (nGold judged gold items, too few to calibrate; 0 for methods never calibrated)",
    ),
  distribution: z.record(z.string(), z.number()).optional(),
  standardError: z.number().optional(),
  scores: z.array(z.number()).optional(),
});

export const itemAnnotation = z.object({
  id: z.string(),
  annotatorId: z.string(),
  pseudonym: z.string(),
  vendorId: z.string().nullable(),
  vendorName: z.string().nullable(),
  answers: jsonObject,
  timeSpentMs: z.number().int(),
  schemaVersion: z.number().int(),
  guidelineVersion: z.number().int(),
  clientSignals,
  createdAt: z.string(),
  flags: z
    .array(signalFlag)
    .describe("Effort and fraud flags (the project's thresholds); gold_fail_streak only for roles that may see gold; empty for a correction"),
});

export const itemDetail = itemSummary.omit({ preview: true }).extend({
  data: jsonObject,
  gold: z.object({ answers: jsonObject, explanation: z.string().nullable() }).optional().describe('Only for roles that may see gold'),
  annotations: z.array(itemAnnotation),
  aggregates: z.array(questionAggregate),
  flag: z
    .object({ reason: z.string(), flaggedBy: z.string().describe('User id of who flagged it'), createdAt: z.string() })
    .nullable()
    .describe('Flagged for review; null when not'),
});

export const listResultsQuery = pageQuery.extend({
  question: z.string().optional().describe("Only this question's aggregate; the confidence range then applies to it"),
  minConfidence: z.coerce.number().min(0).max(1).optional().describe("Least confidence (of `question`, else the item's least confident question)"),
  maxConfidence: z.coerce.number().min(0).max(1).optional(),
});

export const itemResult = z.object({
  itemId: z.string(),
  externalId: z.string().nullable(),
  aggregates: z.array(questionAggregate),
});

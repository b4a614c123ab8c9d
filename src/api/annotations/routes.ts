import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAnnotations } from '../../services/annotations/list-annotations.js';
import { getProgress } from '../../services/annotations/progress.js';
import { getThroughput } from '../../services/annotations/throughput.js';
import { EXPORT_FORMATS } from '../../core/data-files.js';
import { THROUGHPUT_BUCKETS } from '../../core/time-buckets.js';
import { countExport, exportAnnotations } from '../../services/exports/export-annotations.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, page, pageQuery, projectParams } from '../common-schemas.js';
import { annotationView } from './schemas.js';

export const annotationRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/annotations',
    {
      schema: {
        tags: ['annotations'],
        summary: "A project's annotations, oldest first (an annotator gets only their own)",
        params: projectParams,
        querystring: pageQuery.extend({ itemId: z.string().optional(), annotatorId: z.string().optional(), vendorId: z.string().optional() }),
        response: { 200: page(annotationView), ...errors },
      },
    },
    async (req) => listAnnotations(deps, actorOf(req), req.params.projectId, req.query),
  );

  app.get(
    '/projects/:projectId/progress',
    {
      schema: {
        tags: ['annotations'],
        summary: 'Items done, in progress and remaining; judgments made and needed',
        params: projectParams,
        response: {
          200: z.object({
            projectId: z.string(),
            overlapK: z.number().int(),
            totalItems: z.number().int().describe('Items that need judgments: published, not gold'),
            completeItems: z.number().int().describe('Items with all their judgments (k, plus what adaptive overlap asked)'),
            itemsInProgress: z.number().int().describe('Items with at least one judgment or a live lease, not complete'),
            remainingItems: z.number().int().describe('Items not started: no judgment and no live lease'),
            judgments: z.number().int().describe('Judgments made on the items (not on gold items; not reviewers\' corrections)'),
            judgmentsPlanned: z.number().int().describe('Judgments the items ask for'),
            judgmentsNeeded: z.number().int().describe('judgmentsPlanned minus judgments'),
            goldItems: z.number().int().nullable().describe('Hidden gold items, apart from the items; null for roles that may not manage gold'),
            summary: z.string().describe('The counts in one line, e.g. "24 of 33 items complete · 40 of 66 judgments · 3 gold items"'),
            activeLeases: z.number().int(),
            skips: z.number().int(),
            vendorId: z.string().nullable().describe("A vendor manager's own vendor: judgments, activeLeases and skips count its work only"),
          }),
          ...errors,
        },
      },
    },
    async (req) => getProgress(deps, actorOf(req), req.params.projectId),
  );

  app.get(
    '/projects/:projectId/throughput',
    {
      schema: {
        tags: ['annotations'],
        summary: 'Judgments and skips per hour or day since a time (a vendor manager counts only their vendor\'s)',
        params: projectParams,
        querystring: z.object({
          bucket: z.enum(THROUGHPUT_BUCKETS).default('hour'),
          since: z.string().optional().describe('ISO date-time, floored to its bucket; defaults to 48 hours or 30 days ago'),
        }),
        response: {
          200: z.object({
            projectId: z.string(),
            bucket: z.enum(THROUGHPUT_BUCKETS),
            since: z.string(),
            until: z.string(),
            buckets: z.array(z.object({ start: z.string(), judgments: z.number().int(), skips: z.number().int() })),
            judgments: z.number().int(),
            skips: z.number().int(),
          }),
          ...errors,
        },
      },
    },
    async (req) => getThroughput(deps, actorOf(req), req.params.projectId, req.query),
  );

  app.get(
    '/projects/:projectId/export',
    {
      schema: {
        tags: ['annotations'],
        summary: 'Stream the annotations with provenance as JSON Lines or CSV (gold items left out unless includeGold=true; every row says is_gold)',
        params: projectParams,
        querystring: z.object({
          format: z.enum(EXPORT_FORMATS).default('jsonl'),
          aggregate: z
            .enum(['true', 'false'])
            .default('false')
            .describe("true: each row also carries its item's aggregated answer, confidence and the confidence's basis per question (JSONL: `aggregate`; CSV: `aggregate.<question>`, `confidence.<question>` and `confidence_basis.<question>` columns)"),
          includeGold: includeGoldParam,
        }),
        response: { 200: z.any().describe('application/x-ndjson or text/csv'), ...errors },
      },
    },
    async (req, reply) => {
      const r = await exportAnnotations(deps, actorOf(req), req.params.projectId, req.query.format, {
        aggregate: req.query.aggregate === 'true',
        includeGold: req.query.includeGold === 'true',
      });
      const ext = req.query.format === 'csv' ? 'csv' : 'jsonl';
      reply
        .header('Content-Type', r.contentType)
        .header('Content-Disposition', `attachment; filename="${req.params.projectId}-annotations.${ext}"`)
        .header('X-Total-Count', String(r.total));
      return reply.send(r.stream);
    },
  );

  app.get(
    '/projects/:projectId/export/count',
    {
      schema: {
        tags: ['annotations'],
        summary: 'What an export with these options holds: rows, the items they are on, and the gold annotations left out or in',
        params: projectParams,
        querystring: z.object({ includeGold: includeGoldParam }),
        response: {
          200: z.object({
            projectId: z.string(),
            includeGold: z.boolean(),
            rows: z.number().int().describe('Rows the file will hold, one per annotation (the export\'s X-Total-Count)'),
            items: z.number().int().describe('Distinct items those rows are on'),
            goldRows: z.number().int().describe('Annotations on gold items: in the file with includeGold, left out without'),
            goldItems: z.number().int().describe('Gold items those annotations are on'),
            excludePaused: z.boolean().describe("The project leaves paused annotators' annotations out"),
          }),
          ...errors,
        },
      },
    },
    async (req) => countExport(deps, actorOf(req), req.params.projectId, { includeGold: req.query.includeGold === 'true' }),
  );
};

const includeGoldParam = z
  .enum(['true', 'false'])
  .default('false')
  .describe('true: keep annotations on hidden gold items (marked is_gold); by default they are left out, so gold never trains a model by accident');

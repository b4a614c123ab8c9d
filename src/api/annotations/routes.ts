import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listAnnotations } from '../../services/annotations/list-annotations.js';
import { getProgress } from '../../services/annotations/progress.js';
import { getThroughput } from '../../services/annotations/throughput.js';
import { THROUGHPUT_BUCKETS } from '../../store/throughput.js';
import { exportAnnotations, EXPORT_FORMATS } from '../../services/exports/export-annotations.js';
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
            totalItems: z.number().int(),
            completeItems: z.number().int(),
            itemsInProgress: z.number().int(),
            remainingItems: z.number().int(),
            judgments: z.number().int(),
            judgmentsNeeded: z.number().int(),
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
        summary: 'Stream every annotation with provenance as JSON Lines or CSV',
        params: projectParams,
        querystring: z.object({
          format: z.enum(EXPORT_FORMATS).default('jsonl'),
          aggregate: z
            .enum(['true', 'false'])
            .default('false')
            .describe("true: each row also carries its item's aggregated answer and confidence per question (JSONL: `aggregate`; CSV: `aggregate.<question>` and `confidence.<question>` columns)"),
        }),
        response: { 200: z.any().describe('application/x-ndjson or text/csv'), ...errors },
      },
    },
    async (req, reply) => {
      const r = await exportAnnotations(deps, actorOf(req), req.params.projectId, req.query.format, { aggregate: req.query.aggregate === 'true' });
      const ext = req.query.format === 'csv' ? 'csv' : 'jsonl';
      reply
        .header('Content-Type', r.contentType)
        .header('Content-Disposition', `attachment; filename="${req.params.projectId}-annotations.${ext}"`)
        .header('X-Total-Count', String(r.total));
      return reply.send(r.stream);
    },
  );
};

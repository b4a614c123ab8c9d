/** The quality report of a project as one self-contained HTML file (`src/report/`), for managers and admins. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { buildQualityReport } from '../../report/build-report.js';
import { REPORT_CSP } from '../../report/render-report.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, projectParams } from '../common-schemas.js';

export const reportRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/report',
    {
      schema: {
        tags: ['vendors'],
        summary:
          'The quality report: summary, vendor scorecards and head-to-heads, annotators with intervals, charts (SVG) and flags, as one HTML file that opens offline (managers, admins)',
        params: projectParams,
        querystring: z.object({
          disposition: z.enum(['attachment', 'inline']).default('attachment').describe('attachment: download as a file; inline: show in the browser'),
        }),
        response: { 200: z.any().describe('text/html: a complete, self-contained document'), ...errors },
      },
    },
    async (req, reply) => {
      const r = await buildQualityReport(deps, actorOf(req), req.params.projectId);
      return reply
        .header('Content-Type', 'text/html; charset=utf-8')
        .header('Content-Security-Policy', REPORT_CSP)
        .header('Content-Disposition', `${req.query.disposition}; filename="${r.fileName}"`)
        .header('Cache-Control', 'no-store')
        .send(r.html);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ServiceDeps } from '../../services/deps.js';
import { getItem } from '../../services/results/get-item.js';
import { listItems } from '../../services/results/list-items.js';
import { listResults } from '../../services/results/list-results.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, page, projectParams } from '../common-schemas.js';
import { itemDetail, itemResult, itemSummary, listItemsQuery, listResultsQuery } from './schemas.js';

export const resultRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects/:projectId/items',
    {
      schema: {
        tags: ['results'],
        summary: "A project's items in serving order, filtered by status, gold and a search",
        params: projectParams,
        querystring: listItemsQuery,
        response: { 200: page(itemSummary), ...errors },
      },
    },
    async (req) => listItems(deps, actorOf(req), req.params.projectId, req.query),
  );

  app.get(
    '/projects/:projectId/items/:itemId',
    {
      schema: {
        tags: ['results'],
        summary: 'One item: its data, annotations, aggregate per question and (to those who may) its gold answer',
        params: projectParams.extend({ itemId: z.string().min(1) }),
        response: { 200: itemDetail, ...errors },
      },
    },
    async (req) => getItem(deps, actorOf(req), req.params.projectId, req.params.itemId),
  );

  app.get(
    '/projects/:projectId/results',
    {
      schema: {
        tags: ['results'],
        summary: 'Per annotated item, the aggregated answer of each question with its confidence, method and judgments',
        description:
          'label: Dawid–Skene with gold clamped (a gold item shows the crowd\'s verdict); multi_label: Dawid–Skene per option; ' +
          'rating: Gaussian annotators or mean; pairwise: the same on the signed strength; ranking: Borda count; span: consensus spans; ' +
          'rubric: mean per criterion; text and conversation: counts only.',
        params: projectParams,
        querystring: listResultsQuery,
        response: { 200: page(itemResult), ...errors },
      },
    },
    async (req) => listResults(deps, actorOf(req), req.params.projectId, req.query),
  );
};

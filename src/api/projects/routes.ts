import { NEW_PROJECT_DEFAULTS, NEW_PROJECT_DEFAULT_REASONS } from '../../core/project-defaults.js';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createProject } from '../../services/projects/create-project.js';
import { getProject } from '../../services/projects/get-project.js';
import { getProjectSchema } from '../../services/projects/get-project-schema.js';
import { listProjects } from '../../services/projects/list-projects.js';
import { updateProject } from '../../services/projects/update-project.js';
import { DOMAIN_MAX_LENGTH, DOMAIN_PATTERN, GOLD_FEEDBACK_MODES, OVERLAP_MODES, PROJECT_KINDS, PROJECT_STATUSES } from '../../core/project.js';
import { getGuidelines, publishGuidelines, publishSchema } from '../../services/projects/versions.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, jsonObject, page, pageQuery, projectParams } from '../common-schemas.js';

const taskSchemaBody = z
  .unknown()
  .describe('A task schema: { questions: [...] } with typed questions (label, multi_label, span, rating, pairwise, ranking, rubric, text, conversation); see README "Task schemas"');

const vendorsSetting = z.array(
  z.object({
    vendorId: z.string(),
    enabled: z.boolean().default(true),
    quotaTasks: z.number().int().min(0).nullable().optional().describe("Most tasks (leased or submitted) the vendor's annotators may take here; null: no cap"),
    quotaShare: z.number().min(0).max(1).nullable().optional().describe("Most share of the project's planned judgments (normal items × k) the vendor may take; null: no cap"),
  }),
);
const vendorsView = z.array(z.object({ vendorId: z.string(), enabled: z.boolean(), quotaTasks: z.number().int().nullable(), quotaShare: z.number().nullable() }));

export const domainSetting = z
  .string()
  .min(1)
  .max(DOMAIN_MAX_LENGTH)
  .regex(DOMAIN_PATTERN, 'a lowercase path such as medicine/cardiology (segments of a-z, 0-9, _ and - joined by /)');

const qualityGateSetting = z
  .object({
    enabled: z.boolean().optional(),
    floor: z.number().min(0).max(1).optional().describe('The accuracy an annotator must keep; the pause rules are derived from it (GET …/quality/gates shows them)'),
    chance: z.number().gt(0).lt(1).nullable().optional().describe("A guesser's chance of getting a gold item right; null: from the schema's options"),
    minGold: z.number().int().optional().describe('Gone: derived from the floor (sending it is refused, naming the field)'),
    maxFailStreak: z.number().int().optional().describe('Gone: derived from the floor (sending it is refused, naming the field)'),
  })
  .describe('Quality gate (defaults: enabled, floor 0.6, chance from the schema); fields left out keep their value');
const qualityGateView = z.object({ enabled: z.boolean(), floor: z.number(), chance: z.number().nullable() });

const settings = z.object({
  name: z.string().min(1).max(200),
  description: z.string().max(10_000).optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  overlapK: z
    .number()
    .int()
    .min(1)
    .max(100)
    .optional()
    .describe(`Judgments per item (fixed overlap). New projects: ${NEW_PROJECT_DEFAULTS.overlapK}. ${NEW_PROJECT_DEFAULT_REASONS.overlapK}`),
  goldRate: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe(`Share of served tasks that are (hidden) gold items. New projects: ${NEW_PROJECT_DEFAULTS.goldRate}. ${NEW_PROJECT_DEFAULT_REASONS.goldRate}`),
  goldFeedback: z
    .enum(GOLD_FEEDBACK_MODES)
    .optional()
    .describe('After a missed gold item: feedback = the submit answer shows the gold answer and explanation; audit (default) = nothing'),
  leaseSeconds: z.number().int().min(10).max(604_800).optional(),
  priority: z.number().int().optional(),
  vendors: vendorsSetting.optional().describe('Vendors whose annotators may work here; empty = everyone in the organization'),
  qualityGate: qualityGateSetting.optional(),
  domain: domainSetting
    .nullable()
    .optional()
    .describe("The domain an annotator's profile must have (a profile's medicine/cardiology satisfies medicine); null: any"),
  minSkill: z.number().min(0).max(1).optional().describe('Least measured skill in the domain (posterior mean accuracy from qualifications and gold); 0: none'),
  overlapMode: z.enum(OVERLAP_MODES).optional().describe('fixed: exactly overlapK judgments; adaptive: from overlapK, one more at a time until confidence reaches overlapTau or overlapKMax'),
  overlapKMax: z.number().int().min(1).max(100).optional().describe('Adaptive overlap: most judgments per item (at least overlapK; default 5)'),
  overlapTau: z.number().gt(0.5).max(1).optional().describe('Adaptive overlap: confidence at which an item needs no more judgments (default 0.9)'),
  excludePaused: z.boolean().optional().describe("Results and exports leave out paused annotators' annotations"),
});

const projectView = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  status: z.enum(PROJECT_STATUSES),
  schemaVersion: z.number().int(),
  guidelineVersion: z.number().int(),
  overlapK: z.number().int().optional(),
  goldRate: z.number().optional(),
  goldFeedback: z.enum(GOLD_FEEDBACK_MODES).optional(),
  leaseSeconds: z.number().int().optional(),
  priority: z.number().int().optional(),
  vendors: vendorsView.optional(),
  qualityGate: qualityGateView.optional(),
  kind: z.enum(PROJECT_KINDS).optional().describe('production, or qualification (a gold set; read-only)'),
  domain: z.string().nullable().optional(),
  minSkill: z.number().optional(),
  overlapMode: z.enum(OVERLAP_MODES).optional(),
  overlapKMax: z.number().int().optional(),
  overlapTau: z.number().optional(),
  excludePaused: z.boolean().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});

export const projectRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Projects I can see (an annotator: active production projects open to their vendor)',
        querystring: pageQuery.extend({
          status: z.enum(PROJECT_STATUSES).optional(),
          kind: z.enum(PROJECT_KINDS).optional().describe('production or qualification (an annotator always gets production projects)'),
        }),
        response: { 200: page(projectView), ...errors },
      },
    },
    async (req) => listProjects(deps, actorOf(req), req.query),
  );
  app.post(
    '/projects',
    {
      schema: {
        tags: ['projects'],
        summary: 'Create a project with its task schema (version 1) and guidelines (version 1)',
        body: settings.extend({ schema: taskSchemaBody, guidelines: z.string().max(1_000_000).optional().describe('Markdown') }),
        response: { 201: projectView, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createProject(deps, actorOf(req), req.body)),
  );
  app.get(
    '/projects/:projectId',
    { schema: { tags: ['projects'], params: projectParams, response: { 200: projectView, ...errors } } },
    async (req) => getProject(deps, actorOf(req), req.params.projectId),
  );
  app.patch(
    '/projects/:projectId',
    {
      schema: { tags: ['projects'], summary: 'Change settings; changing overlapK reopens or closes items', params: projectParams, body: settings.partial(), response: { 200: projectView, ...errors } },
    },
    async (req) => updateProject(deps, actorOf(req), req.params.projectId, req.body),
  );

  const schemaView = z.object({ version: z.number().int(), schema: jsonObject, description: z.unknown() });
  app.get(
    '/projects/:projectId/schema',
    {
      schema: {
        tags: ['projects'],
        summary: 'The task schema in force (or ?version=N) with its UI description',
        params: projectParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: { 200: schemaView, ...errors },
      },
    },
    async (req) => {
      const r = await getProjectSchema(deps, actorOf(req), req.params.projectId, req.query.version);
      return { ...r, schema: r.schema as unknown as Record<string, unknown> };
    },
  );
  app.put(
    '/projects/:projectId/schema',
    {
      schema: {
        tags: ['projects'],
        summary: 'Publish a new schema version; every existing item must fit it',
        params: projectParams,
        body: taskSchemaBody,
        response: { 201: z.object({ version: z.number().int(), schema: jsonObject }), ...errors },
      },
    },
    async (req, reply) => {
      const r = await publishSchema(deps, actorOf(req), req.params.projectId, req.body);
      return reply.code(201).send({ version: r.version, schema: r.schema as unknown as Record<string, unknown> });
    },
  );

  app.get(
    '/projects/:projectId/guidelines',
    {
      schema: {
        tags: ['projects'],
        summary: 'Guidelines in force (or ?version=N), Markdown, with the version list',
        params: projectParams,
        querystring: z.object({ version: z.coerce.number().int().min(1).optional() }),
        response: {
          200: z.object({ version: z.number().int(), markdown: z.string(), createdAt: z.string(), versions: z.array(z.object({ version: z.number().int(), createdAt: z.string() })) }),
          ...errors,
        },
      },
    },
    async (req) => getGuidelines(deps, actorOf(req), req.params.projectId, req.query.version),
  );
  app.put(
    '/projects/:projectId/guidelines',
    {
      schema: {
        tags: ['projects'],
        summary: 'Publish a new guideline version (Markdown)',
        params: projectParams,
        body: z.object({ markdown: z.string().max(1_000_000) }),
        response: { 201: z.object({ version: z.number().int(), markdown: z.string(), createdAt: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await publishGuidelines(deps, actorOf(req), req.params.projectId, req.body.markdown)),
  );
};

/**
 * Qualifications: created by managers (a project of kind qualification, whose items, all gold, are imported with
 * POST /projects/{id}/items), listed with each annotator's standing, attempts started by annotators and taken
 * through the ordinary task routes; and a person's measured skills per domain.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { createQualification, getQualification, listQualifications } from '../../services/qualifications/qualifications.js';
import { listAttempts, startAttempt } from '../../services/qualifications/attempts.js';
import { listUserSkills } from '../../services/routing/user-skills.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errors } from '../common-schemas.js';
import { attemptRecord, attemptView, createQualificationBody, qualificationParams, qualificationView, skillView, userParams } from './schemas.js';

export const qualificationRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.post(
    '/qualifications',
    {
      schema: {
        tags: ['qualifications'],
        summary: 'Create a qualification: a gold set in a domain with a pass mark; import its items (each with gold) to /projects/{id}/items',
        body: createQualificationBody,
        response: { 201: qualificationView, ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createQualification(deps, actorOf(req), req.body)),
  );
  app.get(
    '/qualifications',
    {
      schema: {
        tags: ['qualifications'],
        summary: 'Qualifications (an annotator: the active ones open to their vendor, each with where they stand)',
        response: { 200: z.object({ items: z.array(qualificationView) }), ...errors },
      },
    },
    async (req) => ({ items: await listQualifications(deps, actorOf(req)) }),
  );
  app.get(
    '/qualifications/:qualificationId',
    { schema: { tags: ['qualifications'], params: qualificationParams, response: { 200: qualificationView, ...errors } } },
    async (req) => getQualification(deps, actorOf(req), req.params.qualificationId),
  );
  app.post(
    '/qualifications/:qualificationId/attempts',
    {
      schema: {
        tags: ['qualifications'],
        summary: 'Start an attempt (then take it through POST /projects/{id}/tasks/next); an open attempt is returned as is (200)',
        description:
          '409 conflict with details.reason: already_passed, cooldown (details.retakeAt), exhausted (fewer unseen items than an attempt takes), inactive.',
        params: qualificationParams,
        body: z.object({}).optional(),
        response: { 200: attemptView, 201: attemptView, ...errors },
      },
    },
    async (req, reply) => {
      const r = await startAttempt(deps, actorOf(req), req.params.qualificationId);
      return reply.code(r.created ? 201 : 200).send(r.attempt);
    },
  );
  app.get(
    '/qualifications/:qualificationId/attempts',
    {
      schema: {
        tags: ['qualifications'],
        summary: 'Attempts: every one with its annotator and accuracy interval (a vendor manager: their vendor); an annotator: their own',
        params: qualificationParams,
        response: { 200: z.object({ items: z.array(attemptRecord) }), ...errors },
      },
    },
    async (req) => ({ items: await listAttempts(deps, actorOf(req), req.params.qualificationId) }),
  );
  app.get(
    '/users/:userId/skills',
    {
      schema: {
        tags: ['qualifications'],
        summary: "A person's measured skill per domain, with its 95% interval and what it is made of (an annotator: their own, from qualifications)",
        params: userParams,
        response: { 200: z.object({ userId: z.string(), items: z.array(skillView) }), ...errors },
      },
    },
    async (req) => listUserSkills(deps, actorOf(req), req.params.userId),
  );
};

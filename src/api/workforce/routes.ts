import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../core/permissions.js';
import { createUser, listUsers, updateUser } from '../../services/workforce/users.js';
import { createVendor, getVendorInScope, listVendors, updateVendor } from '../../services/workforce/vendors.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errors, page, pageQuery } from '../common-schemas.js';
import { createUserBody, createVendorBody, updateUserBody, updateVendorBody, userView, vendorView } from './schemas.js';

export const workforceRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps }> = async (app, { deps }) => {
  app.get(
    '/users',
    {
      schema: {
        tags: ['workforce'],
        summary: "The organization's users (a vendor manager sees its vendor's only)",
        querystring: pageQuery.extend({
          role: z.enum(ROLES).optional(),
          vendorId: z.string().optional(),
          q: z.string().max(200).optional().describe('Only users whose name or email contains this text (case-insensitive)'),
        }),
        response: { 200: page(userView), ...errors },
      },
    },
    async (req) => listUsers(deps, actorOf(req), req.query),
  );
  app.post(
    '/users',
    { schema: { tags: ['workforce'], summary: 'Create a user (admin)', body: createUserBody, response: { 201: userView, ...errors } } },
    async (req, reply) => reply.code(201).send(await createUser(deps, actorOf(req), req.body)),
  );
  app.patch(
    '/users/:userId',
    {
      schema: {
        tags: ['workforce'],
        summary: "Change a user's name, role, vendor, password or active flag (admin)",
        params: z.object({ userId: z.string() }),
        body: updateUserBody,
        response: { 200: userView, ...errors },
      },
    },
    async (req) => updateUser(deps, actorOf(req), req.params.userId, req.body),
  );
  app.get(
    '/vendors',
    { schema: { tags: ['workforce'], summary: 'Vendors (workforce sources); a vendor manager sees its own', querystring: pageQuery, response: { 200: page(vendorView), ...errors } } },
    async (req) => listVendors(deps, actorOf(req), req.query),
  );
  app.post(
    '/vendors',
    { schema: { tags: ['workforce'], summary: 'Create a vendor (admin)', body: createVendorBody, response: { 201: vendorView, ...errors } } },
    async (req, reply) => reply.code(201).send(await createVendor(deps, actorOf(req), req.body)),
  );
  app.get(
    '/vendors/:vendorId',
    {
      schema: {
        tags: ['workforce'],
        summary: 'One vendor with its pay terms; a vendor manager sees its own only',
        params: z.object({ vendorId: z.string() }),
        response: { 200: vendorView, ...errors },
      },
    },
    async (req) => getVendorInScope(deps, actorOf(req), req.params.vendorId),
  );
  app.patch(
    '/vendors/:vendorId',
    {
      schema: {
        tags: ['workforce'],
        summary: "Rename a vendor or set its pay terms (admin): payModel, payRateMinor and currency together",
        params: z.object({ vendorId: z.string() }),
        body: updateVendorBody,
        response: { 200: vendorView, ...errors },
      },
    },
    async (req) => updateVendor(deps, actorOf(req), req.params.vendorId, req.body),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { login, logout } from '../../services/auth/sessions.js';
import { createApiToken, listOwnApiTokens, revokeOwnApiToken } from '../../services/auth/api-tokens.js';
import { getMe } from '../../services/workforce/users.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf, SESSION_COOKIE } from './authenticate.js';
import { errors, errorBody, page, pageQuery } from '../common-schemas.js';
import { userView } from '../workforce/schemas.js';

const meView = userView.extend({
  profile: z
    .object({
      domains: z.array(z.string()),
      credentials: z.array(z.string()),
      languages: z.array(z.string()),
      payRateMinor: z.number().int().nullable(),
      currency: z.string().nullable(),
    })
    .nullable(),
});

export const authRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps; secureCookies: boolean }> = async (app, { deps, secureCookies }) => {
  app.post(
    '/auth/login',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: z.object({ email: z.string().email(), password: z.string().min(1) }),
        response: { 200: z.object({ user: z.object({ id: z.string(), role: z.string(), orgId: z.string() }), expiresAt: z.string() }), 400: errorBody, 401: errorBody, 429: errorBody },
      },
    },
    async (req, reply) => {
      const r = await login(deps, req.body);
      reply.setCookie(SESSION_COOKIE, r.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        path: '/',
        expires: new Date(r.expiresAt),
      });
      return { user: r.user, expiresAt: r.expiresAt };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out (ends the session of the cookie)', response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user and their annotator profile', response: { 200: meView, ...errors } } },
    async (req) => getMe(deps, actorOf(req)),
  );

  app.get(
    '/auth/session',
    {
      config: { optionalAuth: true },
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, if anyone: `user` is null for a signed-out caller (or an ended session), never a 401',
        response: { 200: z.object({ user: meView.nullable() }), 400: errorBody, 429: errorBody },
      },
    },
    async (req) => ({ user: req.actor ? await getMe(deps, req.actor) : null }),
  );

  const tokenView = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable() });
  app.get(
    '/tokens',
    { schema: { tags: ['auth'], summary: 'My API tokens (never their secrets)', querystring: pageQuery, response: { 200: page(tokenView), ...errors } } },
    async (req) => listOwnApiTokens(deps, actorOf(req), req.query),
  );
  app.post(
    '/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Create an API token; the secret is in this response only',
        body: z.object({ name: z.string().min(1).max(100) }),
        response: { 201: z.object({ id: z.string(), name: z.string(), token: z.string(), createdAt: z.string() }), ...errors },
      },
    },
    async (req, reply) => reply.code(201).send(await createApiToken(deps, actorOf(req), { name: req.body.name })),
  );
  app.delete(
    '/tokens/:tokenId',
    { schema: { tags: ['auth'], summary: 'Revoke one of my API tokens', params: z.object({ tokenId: z.string() }), response: { 204: z.null(), ...errors } } },
    async (req, reply) => {
      await revokeOwnApiToken(deps, actorOf(req), req.params.tokenId);
      return reply.code(204).send(null);
    },
  );
};

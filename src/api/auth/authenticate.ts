/**
 * Resolves who is calling, once per request, before any handler runs: a Bearer API token or the session cookie.
 * Routes marked `config: { public: true }` skip it; every other route gets `req.actor` or a 401. Whether that
 * actor may do what it asks is decided by the service it calls, never here.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AssayError } from '../../core/errors.js';
import type { Actor } from '../../core/permissions.js';
import { authenticate, type Credential } from '../../services/auth/sessions.js';
import type { ServiceDeps } from '../../services/deps.js';

export const SESSION_COOKIE = 'assay_session';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route needs no signed-in caller. */
    public?: boolean;
    /** The route answers signed-in and signed-out callers alike: `req.actor` is set when the credential is valid, else null. */
    optionalAuth?: boolean;
  }
}

function credentialOf(req: FastifyRequest): Credential | null {
  const auth = req.headers.authorization;
  if (auth) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    if (!m) throw new AssayError('unauthenticated', 'Authorization header must be "Bearer <token>"', 'Authorization');
    return { kind: 'bearer', token: m[1]! };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  return cookie ? { kind: 'session', token: cookie } : null;
}

/** The signed-in caller, for handlers of non-public routes. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AssayError('unauthenticated', 'Sign in or send an API token');
  return req.actor;
}

/** The caller when their credential is valid; null when there is none, or it is malformed, expired or revoked. */
async function actorIfSignedIn(deps: ServiceDeps, req: FastifyRequest): Promise<Actor | null> {
  try {
    const cred = credentialOf(req);
    return cred ? await authenticate(deps, cred) : null;
  } catch (err) {
    if (err instanceof AssayError && err.code === 'unauthenticated') return null;
    throw err;
  }
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { deps: ServiceDeps }) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (req) => {
    if (req.routeOptions.config?.public) return;
    if (!req.url.startsWith('/api/')) return;
    if (req.routeOptions.config?.optionalAuth) {
      req.actor = await actorIfSignedIn(opts.deps, req);
      return;
    }
    const cred = credentialOf(req);
    if (!cred) throw new AssayError('unauthenticated', 'Sign in or send an API token');
    req.actor = await authenticate(opts.deps, cred);
  });
});

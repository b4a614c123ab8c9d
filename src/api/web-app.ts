/**
 * Serves the built web app (web/dist): hashed assets cached for a year, `index.html` never cached, and any other
 * GET outside /api that asks for HTML answered with `index.html`, so a deep link such as /annotate/prj_… opens
 * the app at that screen. Everything else keeps the API's JSON 404.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { noRoute } from './errors.js';

export async function serveWebApp(app: FastifyInstance, root: string): Promise<void> {
  const hasIndex = existsSync(join(root, 'index.html'));
  await app.register(fastifyStatic, {
    root,
    wildcard: false,
    cacheControl: false,
    setHeaders: (res, path) => {
      if (path.includes(`${join(root, 'assets')}`)) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
      else res.setHeader('cache-control', 'no-cache');
    },
  });
  if (!hasIndex) return;
  // Files are matched first (one route each); this catch-all only sees paths that are not files. It is not
  // public, so an unknown /api/ path still asks who is calling, as it does without a web app.
  app.get('/*', { schema: { hide: true } }, (req, reply) => {
    const wantsPage = !req.url.startsWith('/api/') && (req.headers.accept ?? '').includes('text/html');
    if (!wantsPage) return reply.code(404).send(noRoute(req.method, req.url));
    return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
  });
}

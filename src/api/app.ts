/**
 * Builds the HTTP app: external plugins, then our auth hook, then routes under /api/v1, with one error handler
 * (the layout of fastify/demo's app.ts). The app holds no state of its own: everything lives in the store, so
 * several instances can serve one PostgreSQL database behind a load balancer.
 */
import { existsSync } from 'node:fs';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import { sql } from 'kysely';
import { createJsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { ServiceDeps } from '../services/deps.js';
import { registerErrorHandler } from './errors.js';
import { authPlugin } from './auth/authenticate.js';
import { authRoutes } from './auth/routes.js';
import { workforceRoutes } from './workforce/routes.js';
import { projectRoutes } from './projects/routes.js';
import { itemRoutes } from './items/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { annotationRoutes } from './annotations/routes.js';
import { resultRoutes } from './results/routes.js';
import { qualityRoutes } from './quality/routes.js';
import { signalRoutes } from './quality/signals-routes.js';
import { qualityGateRoutes } from './quality-gates/routes.js';
import { reviewRoutes } from './review/routes.js';
import { qualificationRoutes } from './qualifications/routes.js';
import { vendorRoutes } from './vendors/routes.js';
import { reportRoutes } from './reports/routes.js';
import { setupRoutes } from './setup/routes.js';
import { myReviewRoutes } from './review/my-reviews-routes.js';
import { serveWebApp } from './web-app.js';

export interface AppOptions {
  deps: ServiceDeps;
  /** pino logger options, or false for none (tests, benchmarks). */
  logger?: boolean | object;
  /** Log every request and response. */
  logRequests?: boolean;
  /** Mark the session cookie Secure (set when served over HTTPS). */
  secureCookies?: boolean;
  /** Largest JSON body outside imports. */
  bodyLimitBytes?: number;
  /** Largest import body. */
  importLimitBytes?: number;
  /** Folder of the built web app to serve at `/`, if it exists. */
  webRoot?: string;
  version?: string;
}

export async function buildApp(opts: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ?? false,
    logController: new LogController({ disableRequestLogging: !opts.logRequests }),
    bodyLimit: opts.bodyLimitBytes ?? 1024 * 1024,
    trustProxy: true,
    // Ids in URLs are ours; keep Fastify from rejecting long query strings of cursors.
    routerOptions: { maxParamLength: 200 },
  });
  // JSON only (imports add their own types): a text/plain body gets 415, not a confusing validation error.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);

  await app.register(helmet, { contentSecurityPolicy: false });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Assay API',
        version: opts.version ?? '0.1.0',
        description: 'Produce training data with human experts and measure its quality. Errors are `{ error: { code, message, field? } }`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token from POST /api/v1/tokens or `assay token create`' },
          session: { type: 'apiKey', in: 'cookie', name: 'assay_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: createJsonSchemaTransform({ zodToJsonConfig: { target: 'draft-2020-12' } }),
  });
  await app.register(authPlugin, { deps: opts.deps });

  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => {
    await sql`select 1`.execute(opts.deps.store.db);
    return { status: 'ok', database: opts.deps.store.dialect.name };
  });
  app.get('/api/v1/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (api) => {
      await api.register(authRoutes, { deps: opts.deps, secureCookies: opts.secureCookies ?? false });
      await api.register(workforceRoutes, { deps: opts.deps });
      await api.register(projectRoutes, { deps: opts.deps });
      await api.register(itemRoutes, { deps: opts.deps, importLimitBytes: opts.importLimitBytes ?? 512 * 1024 * 1024 });
      await api.register(taskRoutes, { deps: opts.deps });
      await api.register(annotationRoutes, { deps: opts.deps });
      await api.register(resultRoutes, { deps: opts.deps });
      await api.register(qualityRoutes, { deps: opts.deps });
      await api.register(signalRoutes, { deps: opts.deps });
      await api.register(qualityGateRoutes, { deps: opts.deps });
      await api.register(reviewRoutes, { deps: opts.deps });
      await api.register(qualificationRoutes, { deps: opts.deps });
      await api.register(vendorRoutes, { deps: opts.deps });
      await api.register(reportRoutes, { deps: opts.deps });
      await api.register(setupRoutes, { deps: opts.deps });
      await api.register(myReviewRoutes, { deps: opts.deps });
    },
    { prefix: '/api/v1' },
  );

  if (opts.webRoot && existsSync(opts.webRoot)) await serveWebApp(app, opts.webRoot);
  return app;
}

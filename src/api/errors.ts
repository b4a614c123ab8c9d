/**
 * The one error handler: maps a domain code to an HTTP status and writes `{ error: { code, message, field? } }`.
 * Validation failures from zod name the field; Fastify's own body errors (size, media type, bad JSON) get codes;
 * anything else is logged and answered as a generic 500 so internals never leak.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isAssayError, type ErrorCode } from '../core/errors.js';

export const STATUS_OF: Record<ErrorCode, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  no_task: 409,
  lease_expired: 410,
  payload_too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
};

export interface ErrorBody {
  error: { code: ErrorCode | 'internal'; message: string; field?: string; details?: Record<string, unknown> };
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'invalid',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'invalid',
  FST_ERR_CTP_INVALID_JSON_BODY: 'invalid',
  FST_ERR_VALIDATION: 'invalid',
};

/** `/answers/sentiment` → `answers.sentiment`; array indexes become `[2]`. */
function toField(context: string | undefined, instancePath: string): string {
  const segments = instancePath.split('/').filter((s) => s !== '');
  const dotted = segments.reduce<string>((acc, p) => (/^\d+$/.test(p) ? `${acc}[${p}]` : acc ? `${acc}.${p}` : p), '');
  if (context === 'querystring' || context === 'params' || context === 'headers') return dotted || context;
  return dotted || 'body';
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0]!;
      const field = toField(err.validationContext, first.instancePath);
      const body: ErrorBody = { error: { code: 'invalid', message: `${field}: ${first.message}`, field } };
      return reply.code(400).send(body);
    }
    if (isAssayError(err)) {
      const body: ErrorBody = { error: { code: err.code, message: err.message } };
      if (err.field !== undefined) body.error.field = err.field;
      if (err.details !== undefined) body.error.details = err.details;
      return reply.code(STATUS_OF[err.code]).send(body);
    }
    const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
    if (mapped) return reply.code(STATUS_OF[mapped]).send({ error: { code: mapped, message: err.message } });
    if (err.statusCode === 429) return reply.code(429).send({ error: { code: 'rate_limited', message: err.message } });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send({ error: { code: 'invalid', message: err.message } });
    }
    req.log.error({ err }, 'unhandled error');
    return reply.code(500).send({ error: { code: 'internal', message: 'Internal server error' } });
  });

  app.setNotFoundHandler((req, reply) => reply.code(404).send(noRoute(req.method, req.url)));
}

/** The body of a 404 for a URL no route serves. */
export function noRoute(method: string, url: string) {
  return { error: { code: 'not_found', message: `No route ${method} ${url.split('?')[0]}` } };
}

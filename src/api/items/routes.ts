/**
 * Bulk import. The body is streamed to the service, not buffered by Fastify: this plugin replaces the body parsers
 * of its own (encapsulated) routes with pass-through ones, and enforces the size limit on the stream itself.
 * The format follows Content-Type: application/json (an array), application/x-ndjson or application/jsonl
 * (JSON Lines), text/csv.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AssayError } from '../../core/errors.js';
import { importItems } from '../../services/items/import-items.js';
import { importGold } from '../../services/items/import-gold.js';
import type { ImportFormat } from '../../services/items/parse-records.js';
import type { ServiceDeps } from '../../services/deps.js';
import { actorOf } from '../auth/authenticate.js';
import { errorBody, errors, projectParams } from '../common-schemas.js';

const FORMAT_OF: Record<string, ImportFormat> = {
  'application/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'text/csv': 'csv',
};

function formatOf(req: FastifyRequest): ImportFormat {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const format = FORMAT_OF[type];
  if (!format) {
    throw new AssayError('unsupported_media_type', `Content-Type must be one of ${Object.keys(FORMAT_OF).join(', ')}`, 'Content-Type');
  }
  return format;
}

/**
 * Passes the body through until `limit` bytes, then fails with payload_too_large. Lazy on purpose: nothing is read
 * until the service reads (after its permission and project checks), so an error always has a reader to reach.
 */
async function* limitBytes(raw: Readable, limit: number): AsyncGenerator<Buffer> {
  let seen = 0;
  for await (const chunk of raw) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    seen += buf.length;
    if (seen > limit) throw new AssayError('payload_too_large', `The import is larger than the limit of ${limit} bytes`);
    yield buf;
  }
}

const importResponse = z.object({ imported: z.number().int(), gold: z.number().int() });

export const itemRoutes: FastifyPluginAsyncZod<{ deps: ServiceDeps; importLimitBytes: number }> = async (app, { deps, importLimitBytes }) => {
  app.removeAllContentTypeParsers();
  for (const type of Object.keys(FORMAT_OF)) {
    app.addContentTypeParser(type, (_req, payload, done) => done(null, payload));
  }
  const body = (req: FastifyRequest): Readable => Readable.from(limitBytes(req.body as Readable, importLimitBytes), { objectMode: false });

  app.post(
    '/projects/:projectId/items',
    {
      bodyLimit: importLimitBytes,
      schema: {
        tags: ['items'],
        summary: 'Import items (JSON array, JSON Lines or CSV), all-or-nothing; gold answers may ride along in a `gold` field',
        description:
          'Each record is `{id?, priority?, gold?, gold_explanation?, data: {...}}` or the data fields flat beside those reserved keys. ' +
          'In CSV, columns named `NAME:json` hold JSON. Errors name the line and field, and nothing is written.',
        params: projectParams,
        response: { 201: importResponse, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (req, reply) => {
      const r = await importItems(deps, actorOf(req), req.params.projectId, body(req), { format: formatOf(req) });
      return reply.code(201).send(r);
    },
  );

  app.post(
    '/projects/:projectId/gold',
    {
      bodyLimit: importLimitBytes,
      schema: {
        tags: ['items'],
        summary: 'Import gold answers from their own file: `{id, answers, explanation?}` per record',
        params: projectParams,
        response: { 201: z.object({ gold: z.number().int() }), ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (req, reply) => reply.code(201).send(await importGold(deps, actorOf(req), req.params.projectId, body(req), { format: formatOf(req) })),
  );
};

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
import { checkItemsImport, importItems, MAX_REPORTED_ERRORS } from '../../services/items/import-items.js';
import { checkGoldImport, importGold } from '../../services/items/import-gold.js';
import { getItemTemplate } from '../../services/items/item-template.js';
import { IMPORT_ERROR_KINDS, IMPORT_FORMATS, type ImportFormat } from '../../core/data-files.js';
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

const importErrorSchema = z.object({
  line: z.number().int().describe('The line (or, for a record of a JSON array, the element), 1-based'),
  column: z.number().int().optional().describe('The character column, 1-based, when known (JSON syntax errors)'),
  field: z.string().optional().describe('The field (`data.text`, `gold.sentiment`, `id`) or CSV column, when known'),
  kind: z.enum(IMPORT_ERROR_KINDS).describe('syntax: the line could not be read; field: the record breaks the schema; duplicate: an id repeats or exists'),
  message: z.string().describe('What is wrong, in words, starting with where'),
});

const dryRunResponse = z.object({
  dryRun: z.literal(true),
  ok: z.boolean().describe('No error: importing this file creates `items` items'),
  items: z.number().int().describe('Records that pass every check: the items an import creates once no error is left'),
  gold: z.number().int().describe('Of those, the ones with a gold answer riding along'),
  errors: z.array(importErrorSchema).describe(`The first errors by line, at most ${MAX_REPORTED_ERRORS}`),
  errorCount: z.number().int().describe('Every error in the file'),
  duplicates: z.number().int().describe('Errors of kind duplicate: an id repeated in the file, or one the project already has'),
});

const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: read and check the whole file, write nothing, and answer 200 with the report (errors included) instead of importing'),
});

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
          'In CSV, columns named `NAME:json` hold JSON. Every error in the file is found (a line that is not valid JSON, or a malformed CSV row, does not stop the check): ' +
          `all are counted (\`details.errorCount\`) and the first ${MAX_REPORTED_ERRORS} by line listed (\`details.errors\`), each with its line, column or field and kind; nothing is written. ` +
          '`?dryRun=true` checks the same way and writes nothing, answering 200 with the report.',
        params: projectParams,
        querystring: importQuery,
        response: { 200: dryRunResponse, 201: importResponse, ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (req, reply) => {
      if (req.query.dryRun === 'true') {
        const r = await checkItemsImport(deps, actorOf(req), req.params.projectId, body(req), { format: formatOf(req) });
        return reply.code(200).send({ dryRun: true as const, ok: r.errorCount === 0, ...r });
      }
      const r = await importItems(deps, actorOf(req), req.params.projectId, body(req), { format: formatOf(req) });
      return reply.code(201).send(r);
    },
  );

  app.get(
    '/projects/:projectId/items/template',
    {
      schema: {
        tags: ['items'],
        summary: "An example import file for the project's schema: two items with every field its questions read, metadata, and a gold answer showing each answer's format",
        description: 'It imports as it is (`POST /projects/{id}/items`); replace the examples with real items. A qualification\'s template gives both items a gold answer, as its import requires.',
        params: projectParams,
        querystring: z.object({ format: z.enum(IMPORT_FORMATS).default('jsonl').describe('jsonl (JSON Lines), csv, or json (an array)') }),
        response: { 200: z.string().describe('application/x-ndjson, text/csv or application/json, as an attachment'), ...errors },
      },
    },
    async (req, reply) => {
      const t = await getItemTemplate(deps, actorOf(req), req.params.projectId, req.query.format);
      return reply
        .header('Content-Type', `${t.contentType}; charset=utf-8`)
        .header('Content-Disposition', `attachment; filename="${t.fileName}"`)
        .send(t.body);
    },
  );

  app.post(
    '/projects/:projectId/gold',
    {
      bodyLimit: importLimitBytes,
      schema: {
        tags: ['items'],
        summary: 'Import gold answers from their own file: `{id, answers, explanation?}` per record',
        description:
          'All-or-nothing, the whole file checked in one pass like the item import: every error counted (`details.errorCount`), ' +
          `the first ${MAX_REPORTED_ERRORS} by line listed (\`details.errors\`). \`?dryRun=true\` checks the same way and writes nothing, answering 200 with the report (\`items\` and \`gold\`: the gold answers that pass).`,
        params: projectParams,
        querystring: importQuery,
        response: { 200: dryRunResponse, 201: z.object({ gold: z.number().int() }), ...errors, 413: errorBody, 415: errorBody },
      },
    },
    async (req, reply) => {
      if (req.query.dryRun === 'true') {
        const r = await checkGoldImport(deps, actorOf(req), req.params.projectId, body(req), { format: formatOf(req) });
        return reply.code(200).send({ dryRun: true as const, ok: r.errorCount === 0, ...r });
      }
      return reply.code(201).send(await importGold(deps, actorOf(req), req.params.projectId, body(req), { format: formatOf(req) }));
    },
  );
};

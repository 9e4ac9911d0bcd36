/**
 * Imports: POST an export file from Jira, Trello, Linear or a Markdown folder (zipped) as the raw request
 * body; the answer is the import's report. A dry run (the default) writes nothing. This route reads its
 * body itself, with its own size limit (the API's JSON guard lets it through: middleware/security.ts).
 */
import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { IMPORT_MAX_BYTES, ImportQuery, ImportReport } from '../../schemas/import.ts';
import { AppError } from '../../services/errors.ts';
import { runImport } from '../../services/imports/run-import.ts';
import { authorize } from '../../services/policy.ts';
import type { AppEnv } from '../env.ts';
import { authenticated, commonErrors, createRouter, jsonContent, productRefParams } from '../openapi.ts';

/** The body as the client sent it: documented, never validated (the importers read it). */
const file = { schema: { type: 'string' as const, format: 'binary' } };

const routes = {
  runImport: createRoute({
    method: 'post',
    path: '/products/{productId}/imports',
    operationId: 'runImport',
    tags: ['imports'],
    summary: 'Import an export file (dry run by default): the report of what was, or would be, done',
    description:
      'The body is the export file as the tool wrote it: Jira CSV (text/csv) or REST search JSON, a ' +
      'Trello board JSON (application/json), a Linear CSV, or a zip of a Markdown task folder ' +
      `(application/zip); at most ${IMPORT_MAX_BYTES / 1024 / 1024} MB. Editors, owners and admins only. ` +
      'A file that cannot be read answers 422 `invalid_import` naming the line.',
    security: authenticated,
    request: {
      ...productRefParams,
      query: ImportQuery,
      body: {
        required: true,
        content: {
          'text/csv': file,
          'application/json': file,
          'application/zip': file,
          'application/octet-stream': file,
        },
      },
    },
    responses: {
      200: jsonContent(ImportReport, 'The report'),
      ...commonErrors,
      422: jsonContent(
        commonErrors[400].content['application/json'].schema,
        'invalid_import: the file cannot be read (the message names the line)',
      ),
    },
  }),
};

/** The whole body, refused (413) past `maxBytes`: by its declared length first, then as it streams in. */
async function readUpload(c: Context<AppEnv>, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new AppError('payload_too_large', `the file exceeds the import limit of ${maxBytes} bytes`, {
      limit: maxBytes,
    });
  if (Number(c.req.header('content-length') ?? 0) > maxBytes) throw tooLarge();
  const body = c.req.raw.body;
  if (body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = body.getReader();
  // Bounded by maxBytes: every chunk read adds to `size` or ends the stream.
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export const importRoutes = createRouter().openapi(routes.runImport, async (c) => {
  const options = c.get('options');
  const query = c.req.valid('query');
  // Refused before the file is read; the service checks again (and the product's visibility).
  authorize(c.get('actor'), 'write');
  const bytes = await readUpload(c, options.importLimitBytes ?? IMPORT_MAX_BYTES);
  const report = await runImport({
    db: options.db,
    actor: c.get('actor'),
    productId: c.req.valid('param').productId,
    kind: query.kind,
    dryRun: query.dryRun,
    statusMap: query.statusMap,
    source: { bytes, contentType: c.req.header('content-type') ?? null },
  });
  return c.json(report, 200);
});

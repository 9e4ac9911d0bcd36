/**
 * Product exports: the whole model with its history as JSON, and the items or initiatives as CSV. Each is
 * streamed as it is read (a 100,000-item product is never held whole), gzip'd on the way when the client
 * accepts it, and downloaded as an attachment. Any member who may see the product may export it.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { csvAttachment } from '../../presenters/csv.ts';
import { exportProductCsv } from '../../services/exports/export-product-csv.ts';
import { exportProductJson } from '../../services/exports/export-product-json.ts';
import type { AppEnv } from '../env.ts';
import { chooseEncoding } from '../middleware/compress.ts';
import { authenticated, commonErrors, createRouter, productRefParams } from '../openapi.ts';

const tags = ['exports'];

const csvResponse = (columns: string) => ({
  200: {
    content: { 'text/csv': { schema: z.string().openapi({ example: `${columns}\r\n` }) } },
    description: `CSV (header row ${columns}); cells a spreadsheet would run as a formula start with '`,
  },
  ...commonErrors,
});

const routes = {
  json: createRoute({
    method: 'get',
    path: '/products/{productId}/export.json',
    operationId: 'exportProductJson',
    tags,
    summary:
      'The product as JSON: its whole model (no secrets) and its event history, deterministic (same data, same bytes)',
    security: authenticated,
    request: productRefParams,
    responses: {
      200: {
        content: { 'application/json': { schema: z.object({}).passthrough() } },
        description: 'The export document: format, formatVersion, schemaVersion, then one array per table',
      },
      ...commonErrors,
    },
  }),
  items: createRoute({
    method: 'get',
    path: '/products/{productId}/export/items.csv',
    operationId: 'exportItemsCsv',
    tags,
    summary: "The product's live items as CSV, by key",
    security: authenticated,
    request: productRefParams,
    responses: csvResponse(
      'key,type,title,status,estimate,initiative,sprint,release,assignee,labels,createdAt,updatedAt',
    ),
  }),
  initiatives: createRoute({
    method: 'get',
    path: '/products/{productId}/export/initiatives.csv',
    operationId: 'exportInitiativesCsv',
    tags,
    summary: "The product's live initiatives as CSV, oldest first",
    security: authenticated,
    request: productRefParams,
    responses: csvResponse(
      'title,theme,horizon,status,confidence,visibility,startDate,targetDate,summary,items,createdAt',
    ),
  }),
};

const ctxOf = (c: Context<AppEnv>) => ({ db: c.get('options').db, actor: c.get('actor') });

/** Whether the client takes gzip (brotli is what the compression middleware prefers; a stream uses gzip). */
function acceptsGzip(c: Context<AppEnv>): boolean {
  const header = c.req.header('accept-encoding');
  return header !== undefined && chooseEncoding(header.replace(/\bbr\b/gi, 'x-none')) === 'gzip';
}

/** A streamed attachment; typed as the route's declared body so one handler answers it. */
function attachment<T>(
  c: Context<AppEnv>,
  chunks: AsyncGenerator<string>,
  contentType: string,
  disposition: string,
) {
  const encoder = new TextEncoder();
  let body: ReadableStream<Uint8Array> = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  // The compression middleware would read the whole body first; a stream is compressed as it goes, and
  // its Content-Encoding header tells the middleware to leave it alone.
  const gzip = acceptsGzip(c);
  if (gzip) body = body.pipeThrough(new CompressionStream('gzip'));
  c.header('Content-Type', contentType);
  c.header('Content-Disposition', disposition);
  c.header('Cache-Control', 'private, no-store');
  c.header('Vary', 'Accept-Encoding');
  if (gzip) c.header('Content-Encoding', 'gzip');
  return c.body(body, 200) as unknown as T;
}

export const exportRoutes = createRouter()
  .openapi(routes.json, async (c) => {
    const exported = await exportProductJson({ ...ctxOf(c), productRef: c.req.valid('param').productId });
    const name = `${exported.productKey}-export.json`;
    return attachment<never>(
      c,
      exported.chunks,
      'application/json; charset=utf-8',
      `attachment; filename="${name}"`,
    );
  })
  .openapi(routes.items, async (c) => {
    const exported = await exportProductCsv({
      ...ctxOf(c),
      productRef: c.req.valid('param').productId,
      kind: 'items',
    });
    return attachment<never>(
      c,
      exported.chunks,
      'text/csv; charset=utf-8',
      csvAttachment(`${exported.productKey}-items`),
    );
  })
  .openapi(routes.initiatives, async (c) => {
    const exported = await exportProductCsv({
      ...ctxOf(c),
      productRef: c.req.valid('param').productId,
      kind: 'initiatives',
    });
    return attachment<never>(
      c,
      exported.chunks,
      'text/csv; charset=utf-8',
      csvAttachment(`${exported.productKey}-initiatives`),
    );
  });

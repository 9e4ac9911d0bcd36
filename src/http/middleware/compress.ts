/**
 * Compresses API responses over 1 kB with brotli or gzip, as the client's Accept-Encoding allows. The
 * backlog's 150-item page is about 70 kB of JSON and a tenth of that compressed.
 */
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

/** Below this many bytes the headers and the work cost more than the bytes saved. */
export const COMPRESS_THRESHOLD_BYTES = 1024;
/** Up to this size compressing takes well under a millisecond: done inline, sparing a thread hop. */
const SYNC_LIMIT_BYTES = 16 * 1024;
/**
 * Text we produce. Never text/event-stream: the live stream must reach the client event by event, and a
 * compressor buffers.
 */
const COMPRESSIBLE = /^(?:application\/(?:[\w.-]+\+)?json|text\/(?:csv|html|markdown|plain))\b/i;

type Encoding = 'br' | 'gzip';

// Quality 4 brotli and level 5 gzip: most of the size gain for a fraction of the default effort, since
// each response is compressed anew on the request's path.
const brotliOptions = (size: number): zlib.BrotliOptions => ({
  params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
    [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size,
    [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
  },
});
const GZIP_OPTIONS: zlib.ZlibOptions = { level: 5 };
const brotliAsync = promisify(zlib.brotliCompress);
const gzipAsync = promisify(zlib.gzip);

/** The best encoding the client accepts (brotli first), or null: `q=0` refuses one, `*` stands for any. */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding | null {
  if (!acceptEncoding) return null;
  const weights = new Map<string, number>();
  // Bounded: a header has at most a few dozen entries; anything past 32 is ignored.
  for (const part of acceptEncoding.split(',', 32)) {
    const [name = '', ...params] = part.split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([\d.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    weights.set(name.trim().toLowerCase(), q === undefined ? 1 : Number(q) || 0);
  }
  const weight = (name: Encoding) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weight('br');
  const gzip = weight('gzip');
  if (br <= 0 && gzip <= 0) return null;
  return br >= gzip ? 'br' : 'gzip';
}

/**
 * The body the Node adapter's lightweight Response holds (`[status, body, headers]` under its `cache`
 * symbol), read without turning it into a stream: that would take every response off the adapter's fast
 * path, which writes a string body straight to the socket. Undefined for any other Response.
 */
function adapterBody(res: Response): string | Uint8Array | undefined {
  for (const key of Object.getOwnPropertySymbols(res)) {
    if (key.description !== 'cache') continue;
    const cache = (res as unknown as Record<symbol, unknown>)[key];
    const body = Array.isArray(cache) ? cache[1] : undefined;
    if (typeof body === 'string' || body instanceof Uint8Array) return body;
  }
  return undefined;
}

async function compressBody(body: Uint8Array, encoding: Encoding): Promise<Uint8Array> {
  if (body.byteLength <= SYNC_LIMIT_BYTES) {
    return encoding === 'br'
      ? zlib.brotliCompressSync(body, brotliOptions(body.byteLength))
      : zlib.gzipSync(body, GZIP_OPTIONS);
  }
  return encoding === 'br'
    ? brotliAsync(body, brotliOptions(body.byteLength))
    : gzipAsync(body, GZIP_OPTIONS);
}

/**
 * Compresses a finished response's body when it is text over the threshold and the client accepts br or
 * gzip, and says `Vary: Accept-Encoding` for every such response so caches keep the two apart. The ETag
 * stays as it is: it names the object's version, which If-Match compares, not the bytes.
 */
export const compressResponses = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const res = c.res;
  if (c.req.method === 'HEAD' || res.status === 204 || res.status === 206 || res.status === 304) return;
  if (res.headers.has('content-encoding')) return;
  if (!COMPRESSIBLE.test(res.headers.get('content-type') ?? '')) return;
  const declared = Number(res.headers.get('content-length') ?? Number.NaN);
  if (declared < COMPRESS_THRESHOLD_BYTES) return;
  const held = adapterBody(res);
  const size = typeof held === 'string' ? Buffer.byteLength(held) : held?.byteLength;
  if (size !== undefined && size < COMPRESS_THRESHOLD_BYTES) return;
  const body =
    held === undefined
      ? new Uint8Array(await res.arrayBuffer())
      : typeof held === 'string'
        ? Buffer.from(held, 'utf8')
        : held;
  const headers = new Headers(res.headers);
  headers.delete('content-length');
  if (body.byteLength >= COMPRESS_THRESHOLD_BYTES) {
    const vary = headers.get('vary');
    if (vary !== '*' && !/(?:^|,)\s*accept-encoding\s*(?:,|$)/i.test(vary ?? '')) {
      headers.set('Vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
    }
  }
  const encoding =
    body.byteLength >= COMPRESS_THRESHOLD_BYTES ? chooseEncoding(c.req.header('accept-encoding')) : null;
  if (encoding) headers.set('Content-Encoding', encoding);
  const out = encoding ? await compressBody(body, encoding) : body;
  // Cleared first: assigning over a response makes Hono copy it through a stream, off the fast path.
  c.res = undefined;
  // Never a SharedArrayBuffer here (zlib output, a string's bytes, or the adapter's own body); the DOM
  // typings the browser tests compile with ask for that in the type.
  c.res = new Response(out as Uint8Array<ArrayBuffer>, { status: res.status, headers });
});

/**
 * A text response built by a handler that the middleware above does not wrap (the web app's page):
 * compressed as that middleware would, when it is over the threshold and the client accepts br or gzip.
 */
export async function compressedText(c: Context, text: string, contentType: string): Promise<Response> {
  const body = Buffer.from(text, 'utf8');
  const encoding =
    body.byteLength >= COMPRESS_THRESHOLD_BYTES ? chooseEncoding(c.req.header('accept-encoding')) : null;
  if (!encoding) return c.body(text, 200, { 'Content-Type': contentType });
  const out = await compressBody(body, encoding);
  return c.body(out as Uint8Array<ArrayBuffer>, 200, {
    'Content-Type': contentType,
    'Content-Encoding': encoding,
  });
}

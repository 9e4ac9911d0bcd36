/**
 * Sends one delivery: POSTs the body to the webhook's URL through the SSRF guard, following at most
 * MAX_REDIRECTS redirects by hand (each target checked again), connecting only to the address the guard
 * checked (a `lookup` that answers with it), within one deadline for the whole attempt. Only a short
 * excerpt of the response body is read; the rest is discarded unread.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  checkedAddress,
  type GuardOptions,
  type ResolvedAddress,
  WebhookRefusedError,
} from './ssrf-guard.ts';

export const MAX_REDIRECTS = 3;
/** Characters of a response body kept in the delivery log. */
export const EXCERPT_CHARS = 500;
const EXCERPT_BYTES = 2_048;

export interface WebhookResponse {
  statusCode: number;
  excerpt: string;
}

export interface OutgoingRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
}

/** The final response (after redirects); throws on a refused target, a network error or the deadline. */
export async function sendWebhookRequest(
  outgoing: OutgoingRequest,
  guard: GuardOptions,
): Promise<WebhookResponse> {
  const deadline = Date.now() + outgoing.timeoutMs;
  let url = new URL(outgoing.url);
  let method = 'POST';
  let body: string | null = outgoing.body;
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new WebhookRefusedError(`refused: ${url.protocol} is not http or https`);
    }
    const target = await checkedAddress(url.hostname, guard);
    const response = await requestOnce(
      url,
      target,
      method,
      outgoing.headers,
      body,
      deadline,
      outgoing.signal,
    );
    const location = response.location;
    if (![301, 302, 303, 307, 308].includes(response.statusCode) || location === undefined) return response;
    if (hop >= MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    url = new URL(location, url);
    // As browsers do: 303 (and 301/302 after a POST) continue as a GET without the body.
    if (response.statusCode === 303 || (method === 'POST' && response.statusCode <= 302)) {
      method = 'GET';
      body = null;
    }
  }
}

function requestOnce(
  url: URL,
  target: ResolvedAddress,
  method: string,
  headers: Record<string, string>,
  body: string | null,
  deadline: number,
  signal: AbortSignal | undefined,
): Promise<WebhookResponse & { location?: string | undefined }> {
  // Connect to the checked address whatever a second lookup would say now (DNS rebinding).
  const lookup: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((settleResolve, settleReject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0 || signal?.aborted) {
      settleReject(new Error(signal?.aborted ? 'aborted' : 'timed out'));
      return;
    }
    // The abort listener goes as soon as the attempt settles (not when its socket closes later), so a
    // busy worker holds one per request under way.
    const onAbort = () => req.destroy(new Error('aborted'));
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const resolve = (value: WebhookResponse & { location?: string | undefined }) => {
      done();
      settleResolve(value);
    };
    const reject = (error: unknown) => {
      done();
      settleReject(error);
    };
    const outgoingHeaders: Record<string, string> = { ...headers };
    if (body === null) {
      delete outgoingHeaders['content-type'];
    } else {
      outgoingHeaders['content-length'] = String(Buffer.byteLength(body));
    }
    const req = send(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method,
        headers: outgoingHeaders,
        lookup,
        // A connection per attempt: a pooled one may have been opened to an address checked earlier.
        agent: false,
      },
      (response) => readExcerpt(response).then(resolve, reject),
    );
    const timer = setTimeout(() => req.destroy(new Error('timed out')), remaining);
    req.on('error', reject);
    req.end(body ?? undefined);
  });
}

/** The status, the redirect target and the start of the body; the rest of the body is not read. */
function readExcerpt(
  response: IncomingMessage,
): Promise<WebhookResponse & { location?: string | undefined }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = () => {
      const text = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_CHARS);
      resolve({ statusCode: response.statusCode ?? 0, excerpt: text, location: response.headers.location });
    };
    response.on('data', (chunk: Buffer) => {
      if (size >= EXCERPT_BYTES) return;
      chunks.push(chunk.subarray(0, EXCERPT_BYTES - size));
      size += chunk.length;
      if (size >= EXCERPT_BYTES) {
        finish();
        response.destroy();
      }
    });
    response.on('end', finish);
    response.on('error', (error) => (size >= EXCERPT_BYTES ? undefined : reject(error)));
    // Cut off mid-body (the deadline, an abort): settled here whatever else is or is not emitted.
    response.on('close', () =>
      response.complete || size >= EXCERPT_BYTES
        ? finish()
        : reject(new Error('the connection closed mid-response')),
    );
  });
}

/**
 * The security headers every response carries, added where the response is written: Node's
 * ServerResponse, as the server's `ServerResponse` class. Set by a middleware instead, each went through
 * a web `Headers` object (validated, lower-cased, sorted) and back into the object Node writes: a sixth of
 * the CPU time of a GET of one item. Here they join the headers object the Node adapter hands to
 * writeHead, once, and cover every answer of the server alike: the API, the web app and its files, the
 * feeds, errors and 404s. A response that sets one of them itself keeps its own (the web app's page: its
 * Content-Security-Policy allows its boot script by hash).
 */
import {
  type IncomingMessage,
  type OutgoingHttpHeader,
  type OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http';

/**
 * The Content-Security-Policy: everything from this origin only. `scriptHashes` (base64 SHA-256) allow
 * those inline scripts and no other: the web app's page has one (web-app.ts).
 */
export function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  const scripts = scriptHashes.length
    ? `; script-src 'self' ${scriptHashes.map((hash) => `'sha256-${hash}'`).join(' ')}`
    : '';
  // Charts are turned into PNG downloads by drawing their SVG from a blob: URL onto a canvas.
  return `default-src 'self'${scripts}; img-src 'self' blob: data:; frame-ancestors 'none'; object-src 'none'; base-uri 'self'`;
}

/** Names in lower case, as Node and the adapter write them. */
export const SECURITY_HEADERS: readonly (readonly [string, string])[] = [
  ['content-security-policy', contentSecurityPolicy([])],
  ['cross-origin-opener-policy', 'same-origin'],
  ['cross-origin-resource-policy', 'same-origin'],
  ['origin-agent-cluster', '?1'],
  ['referrer-policy', 'no-referrer'],
  ['strict-transport-security', 'max-age=15552000; includeSubDomains'],
  ['x-content-type-options', 'nosniff'],
  ['x-dns-prefetch-control', 'off'],
  ['x-download-options', 'noopen'],
  ['x-frame-options', 'DENY'],
  ['x-permitted-cross-domain-policies', 'none'],
  ['x-xss-protection', '0'],
];

type HeadersArgument = OutgoingHttpHeaders | OutgoingHttpHeader[];

export class SecureServerResponse<
  Request extends IncomingMessage = IncomingMessage,
> extends ServerResponse<Request> {
  override writeHead(
    statusCode: number,
    messageOrHeaders?: string | HeadersArgument,
    maybeHeaders?: HeadersArgument,
  ): this {
    const message = typeof messageOrHeaders === 'string' ? messageOrHeaders : undefined;
    const given = typeof messageOrHeaders === 'string' ? maybeHeaders : messageOrHeaders;
    if (given === undefined || Array.isArray(given)) {
      // No object (an implicit writeHead, or a raw list): through Node's own header store, which the
      // list's entries then override.
      for (const [name, value] of SECURITY_HEADERS) {
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      return message === undefined
        ? super.writeHead(statusCode, given)
        : super.writeHead(statusCode, message, given);
    }
    const headers: OutgoingHttpHeaders = {};
    for (const name in given) headers[name.toLowerCase()] = given[name];
    for (const [name, value] of SECURITY_HEADERS) {
      if (headers[name] === undefined && !this.hasHeader(name)) headers[name] = value;
    }
    return message === undefined
      ? super.writeHead(statusCode, headers)
      : super.writeHead(statusCode, message, headers);
  }
}

/**
 * DNS rebinding defence: a web page on evil.example can point its own name at 127.0.0.1 and then talk to a
 * server on loopback as if it were same-origin (claim `/setup`, read through the victim's browser). The
 * browser still sends `Host: evil.example`, so only Host names that cannot be rebound are answered:
 * loopback names (which no one else can point at us) and the host of CAIRN_PUBLIC_URL. Others get 421.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../errors.ts';
import { hostnameOf, isLoopbackHostname } from '../host-names.ts';

/** Whether a request with this Host header is for us: a loopback name, or the public URL's host. */
export function isAllowedHost(host: string, publicOrigin: string): boolean {
  const hostname = hostnameOf(host);
  return isLoopbackHostname(hostname) || hostname === new URL(publicOrigin).hostname.toLowerCase();
}

/**
 * The last answer, by Host header and public origin: nearly every request repeats the one before, and
 * parsing the public URL on each costs more than the rest of the check. One entry, so nothing grows.
 */
let last: { host: string; publicOrigin: string; allowed: boolean } | null = null;

function isAllowedHostRemembered(host: string, publicOrigin: string): boolean {
  if (last?.host === host && last.publicOrigin === publicOrigin) return last.allowed;
  const allowed = isAllowedHost(host, publicOrigin);
  last = { host, publicOrigin, allowed };
  return allowed;
}

/** Refuses, with 421 Misdirected Request, any request whose Host is neither loopback nor the public host. */
export const checkHost: MiddlewareHandler<AppEnv> = async (c, next) => {
  const host = c.req.header('host') ?? new URL(c.req.url).host;
  if (!isAllowedHostRemembered(host, c.get('options').publicOrigin)) {
    return errorResponse(
      c,
      new AppError(
        'misdirected_request',
        'this server does not answer to that host name; set CAIRN_PUBLIC_URL to the address people use',
      ),
    );
  }
  await next();
};

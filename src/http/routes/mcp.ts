/**
 * The MCP server over streamable HTTP at /api/v1/mcp, for agents holding an API token. Stateless: each POST
 * builds a server for its caller, answers in JSON and is done, so whichever of several servers behind a load
 * balancer can take the next request. There is no server-to-client stream (GET) and no session (DELETE):
 * both answer 405, as the MCP specification asks of such a server.
 *
 * Authentication is the bearer token only (agents have no session cookie), checked here rather than by
 * `authenticate`: every MCP message is a POST, which that middleware refuses to a read-scope token, whereas
 * here such a token may call the read tools and each write tool refuses it (src/mcp/tool-kit.ts).
 */

import { createRoute, z } from '@hono/zod-openapi';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { createMiddleware } from 'hono/factory';
import { createMcpServer } from '../../mcp/server.ts';
import { ErrorResponse } from '../../schemas/common.ts';
import { resolveApiToken, tokenActor } from '../../services/auth/api-tokens.ts';
import { AppError } from '../../services/errors.ts';
import type { AppEnv } from '../env.ts';
import { createRouter, jsonBody, jsonContent } from '../openapi.ts';

const JsonRpcMessage = z
  .object({
    jsonrpc: z.literal('2.0'),
    id: z.union([z.string(), z.number()]).optional().describe('Absent in a notification.'),
    method: z.string().optional().describe('initialize, tools/list, tools/call, notifications/initialized…'),
    params: z.record(z.string(), z.unknown()).optional(),
  })
  .loose()
  .openapi('McpMessage', { description: 'A JSON-RPC 2.0 message of the Model Context Protocol.' });

const JsonRpcResponse = z
  .object({
    jsonrpc: z.literal('2.0'),
    id: z.union([z.string(), z.number(), z.null()]),
    result: z.record(z.string(), z.unknown()).optional(),
    error: z.object({ code: z.number().int(), message: z.string(), data: z.unknown().optional() }).optional(),
  })
  .loose()
  .openapi('McpResponse', {
    description: 'The JSON-RPC 2.0 answer; a failed tool is a result with isError.',
  });

const mcp = createRoute({
  method: 'post',
  path: '/mcp',
  operationId: 'mcp',
  tags: ['mcp'],
  summary: 'The MCP server (streamable HTTP, stateless, JSON answers) for AI agents with an API token',
  description:
    'Send `Accept: application/json, text/event-stream`. The tools act as the token’s user, with its ' +
    'scope and products. GET and DELETE answer 405: there is no stream and no session.',
  security: [{ bearerAuth: [] }],
  // One message per request: JSON-RPC batches left MCP in its 2025-06-18 revision.
  request: jsonBody(JsonRpcMessage),
  responses: {
    200: jsonContent(JsonRpcResponse, 'The answer to the request'),
    202: { description: 'A notification: accepted, nothing to answer' },
    400: jsonContent(ErrorResponse, 'Not an MCP message, or an unsupported MCP-Protocol-Version'),
    401: jsonContent(ErrorResponse, 'No live API token'),
    413: jsonContent(ErrorResponse, 'Request body too large'),
    415: jsonContent(ErrorResponse, 'Request body is not JSON'),
  },
});

/** Other methods get 405 before authentication; a POST needs a live bearer token. */
const bearerToken = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.method !== 'POST') {
    c.header('Allow', 'POST');
    return c.json(
      { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed: POST MCP messages' }, id: null },
      405,
    );
  }
  const match = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '');
  const resolved = match?.[1]
    ? await resolveApiToken(c.get('options').db, match[1], new Date(), c.get('credentials').tokens)
    : null;
  if (!resolved) {
    c.header('WWW-Authenticate', 'Bearer realm="cairn"');
    throw new AppError('unauthorized', 'MCP needs a live API token: send Authorization: Bearer <token>');
  }
  c.set('actor', tokenActor(resolved));
  c.set('authMethod', 'token');
  return next();
});

/**
 * The request as the transport checks it. Every answer here is JSON, so the `text/event-stream` the
 * transport insists on in Accept is never used: a client that accepts JSON alone is served too. The body
 * (already read and checked as JSON by guardApiRequest) is handed over parsed, so it is not copied.
 */
function forTransport(request: Request): Request {
  const headers = new Headers(request.headers);
  headers.set('accept', 'application/json, text/event-stream');
  headers.set('content-type', 'application/json');
  return new Request(request.url, { method: 'POST', headers });
}

/**
 * The transport's own refusals (a message that is not JSON-RPC, an unsupported MCP-Protocol-Version) as the
 * API's error body, like every other 4xx of the API; its answers to messages pass unchanged.
 */
async function rejectedAsAppError(response: Response): Promise<Response> {
  if (response.status < 400 || response.status >= 500) return response;
  const sent = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
  const message =
    typeof sent?.error?.message === 'string' ? sent.error.message : 'the body is not an MCP message';
  throw new AppError('validation_failed', message, { issues: [{ path: '(body)', message, in: 'body' }] });
}

export const mcpRoutes = createRouter();
mcpRoutes.use('/mcp', bearerToken);
mcpRoutes.openapi(mcp, async (c) => {
  const { db, version, log } = c.get('options');
  const actor = c.get('actor');
  const server = createMcpServer({ db, actor: async () => actor, version, log });
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    // In JSON mode the response is complete when handleRequest resolves: closing cannot cut it short.
    return rejectedAsAppError(
      await transport.handleRequest(forTransport(c.req.raw), { parsedBody: c.req.valid('json') }),
    );
  } finally {
    await server.close();
  }
});

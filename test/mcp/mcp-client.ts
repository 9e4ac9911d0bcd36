/** The official MCP SDK client against the in-process app, and readers for its tool results. */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { Body, TestApi } from '../support/api.ts';

export const MCP_URL = 'http://cairn.test/api/v1/mcp';

/** A connected client sending `token`, its requests answered by the app itself (no port). */
export async function connectClient(api: TestApi, token: string): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(MCP_URL), {
    requestInit: { headers: { authorization: `Bearer ${token}` } },
    fetch: (url, init) => Promise.resolve(api.app.request(String(url), init)),
  });
  const client = new Client({ name: 'cairn-test', version: '1.0.0' });
  await client.connect(transport);
  return client;
}

/** A tool's result, whichever way it went. */
export async function callTool(client: Client, name: string, args: Record<string, unknown> = {}) {
  return (await client.callTool({ name, arguments: args })) as CallToolResult;
}

/** A successful tool's structured result, which must equal the JSON of its text. */
export async function callOk(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Body> {
  const result = await callTool(client, name, args);
  const first = result.content[0];
  if (result.isError || first?.type !== 'text') {
    throw new Error(`${name} failed: ${first?.type === 'text' ? first.text : 'no text'}`);
  }
  const parsed: Body = JSON.parse(first.text);
  if (JSON.stringify(parsed) !== JSON.stringify(result.structuredContent)) {
    throw new Error(`${name}: text and structured content differ`);
  }
  return parsed;
}

/** A failed tool's message text. */
export async function callError(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<string> {
  const result = await callTool(client, name, args);
  const first = result.content[0];
  if (!result.isError) throw new Error(`${name} succeeded but should have failed`);
  return first?.type === 'text' ? first.text : '';
}

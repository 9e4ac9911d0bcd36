/**
 * Cairn's MCP server: one McpServer per caller, whose tools act as that caller through the same services
 * and schemas as the HTTP API. `cairn mcp` serves it over stdio; POST /api/v1/mcp over streamable HTTP.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './tool-kit.ts';
import { registerItemGroomingTools } from './tools/item-grooming.ts';
import { registerItemTools } from './tools/items.ts';
import { registerPlanningTools } from './tools/planning.ts';
import { registerReportTools } from './tools/reports.ts';

/**
 * The most array elements and object members one tool call's arguments may hold: well above the largest
 * input (100 acceptance criteria of two fields each), so a hostile call is refused before it is parsed.
 */
const MAX_TOOL_INPUT_ELEMENTS = 2_000;

const INSTRUCTIONS =
  'Cairn plans products: a roadmap of initiatives and a ranked backlog of items (stories, tasks, bugs, ' +
  'spikes) grouped into sprints and releases. Start with list_products; items are named by key (CAI-42) ' +
  'or id. Changes are checked like in the web app: a viewer or a read-only token can only read.';

/** A server whose tools act as the actor `ctx.actor` resolves at each call. */
export function createMcpServer(ctx: ToolContext & { version: string }): McpServer {
  const server = new McpServer(
    { name: 'cairn', title: 'Cairn', version: ctx.version },
    { instructions: INSTRUCTIONS, maxToolInputElements: MAX_TOOL_INPUT_ELEMENTS },
  );
  const tools: ToolContext = { db: ctx.db, actor: ctx.actor, log: ctx.log };
  registerPlanningTools(server, tools);
  registerItemTools(server, tools);
  registerItemGroomingTools(server, tools);
  registerReportTools(server, tools);
  return server;
}

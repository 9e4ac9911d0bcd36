/**
 * How every Cairn MCP tool is declared: its input is one of the app's zod object schemas (validated by the
 * SDK before the handler runs, so validation is the HTTP API's), its result the presenter's JSON as text and
 * as structured content, its failure a tool error (errors.ts). Write tools refuse a read-only token here,
 * in one place, before they touch a service; every other permission is the services' own.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import type { z } from 'zod';
import { productRefParams } from '../http/openapi.ts';
import type { Actor } from '../services/context.ts';
import { getProduct } from '../services/products/get-product.ts';
import type { Db } from '../store/database.ts';
import { readOnlyRefusal, toolError } from './errors.ts';

/** Who calls the tools of one MCP server, and where they read and write. */
export interface ToolContext {
  db: Db;
  /**
   * Who acts, asked at every call: a long-lived stdio server re-checks its token, so a revoked token or a
   * changed role takes effect without a restart (throws `unauthorized` once the token is dead).
   */
  actor: () => Promise<Actor>;
  /** Where unexpected errors go (never stdout: under `cairn mcp` that is the protocol). */
  log: (message: string) => void;
}

/** What a tool's handler acts with: the database and the caller of this call. */
export interface Caller {
  db: Db;
  actor: Actor;
}

/** A product by id or key, as every product-scoped HTTP route takes it. */
export const ProductRef = productRefParams.params.shape.productId.describe(
  'The product: its id or its key (e.g. CAI). list_products shows them.',
);

interface ToolSpec<S extends z.ZodObject> {
  name: string;
  title: string;
  /** What the tool does and what its fields mean, for the agent choosing it. */
  description: string;
  input: S;
  /** Whether the tool changes something: read-only tokens may not call it. */
  writes: boolean;
}

/** Whether the actor's token allows reading only (a token without a scope reads and writes). */
export function isReadOnly(actor: Actor): boolean {
  return actor.scope === 'read';
}

/** A tool result holding `value` (an object, as structured content must be) as JSON. */
export function jsonResult(value: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: JSON.stringify(value) }], structuredContent: value };
}

/** Registers one tool on `server`, acting as `ctx.actor` through `run`. */
export function defineTool<S extends z.ZodObject>(
  server: McpServer,
  ctx: ToolContext,
  spec: ToolSpec<S>,
  run: (input: z.output<S>, caller: Caller) => Promise<Record<string, unknown>>,
): void {
  server.registerTool(
    spec.name,
    {
      title: spec.title,
      description: spec.description,
      // Typed as the SDK's generic schema: its overloads cannot infer through a generic parameter.
      inputSchema: spec.input as z.ZodObject,
      annotations: {
        title: spec.title,
        readOnlyHint: !spec.writes,
        destructiveHint: false,
        openWorldHint: false,
      },
    },
    async (input: unknown) => {
      try {
        const actor = await ctx.actor();
        if (spec.writes && isReadOnly(actor)) throw readOnlyRefusal();
        // The SDK has parsed the arguments with spec.input before calling: this is its output.
        return jsonResult(await run(input as z.output<S>, { db: ctx.db, actor }));
      } catch (error) {
        return toolError(error, ctx.log);
      }
    },
  );
}

/** The id of a product the actor can see, from its id or key (`not_found` otherwise). */
export async function productIdOf(caller: Caller, productRef: string): Promise<string> {
  return (await getProduct({ ...caller, productId: productRef })).id;
}

/**
 * The MCP side of the error table: every failure of a tool is a tool result with `isError` (the agent reads
 * it and can correct itself), carrying the same `{ error: { code, message, details } }` body as the HTTP API
 * and a hint of what to do next, looked up from the stable code.
 */
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { AppError, type ErrorCode, fromDatabaseError } from '../services/errors.ts';

/** What an agent can do about each error; a code missing here gets the generic hint. */
const nextStep: Partial<Record<ErrorCode, string>> = {
  validation_failed: 'Correct the named field and call the tool again.',
  unauthorized: 'The API token is missing, unknown, expired or revoked; ask the user for a valid token.',
  forbidden: "The token's user may not do this (a viewer only reads); ask someone with the right role.",
  insufficient_scope: 'The token is read-only; ask the user for a token with the write scope.',
  not_found: 'Check the id or key: list_products, search_items and the list tools show what exists.',
  version_conflict: 'Someone changed it meanwhile: read it again and retry with the new version.',
  write_conflict: 'A concurrent change got in the way: retry.',
  duplicate_key: 'A concurrent change got in the way: retry.',
  in_trash: 'It is in the trash; a person can restore it in Cairn.',
  dependency_cycle: 'That link would make a cycle; choose another.',
  invalid_state: 'The object is not in a state that allows this.',
  rate_limited: 'Too many requests: wait a minute and retry.',
  internal_error: 'Something went wrong on the server; retrying later may help.',
};
const DEFAULT_STEP = 'Read the message, adjust the call and try again.';

/** The tool result for whichever error a tool threw; unexpected ones are logged, their internals kept back. */
export function toolError(thrown: unknown, log: (message: string) => void): CallToolResult {
  const error = fromDatabaseError(thrown);
  const known =
    error instanceof AppError ? error : new AppError('internal_error', 'something went wrong on the server');
  if (!(error instanceof AppError)) {
    log(
      `unexpected error in an MCP tool: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  }
  const body: { code: ErrorCode; message: string; details?: unknown } = {
    code: known.code,
    message: known.message,
  };
  if (known.details !== undefined) body.details = known.details;
  return {
    isError: true,
    content: [
      {
        type: 'text',
        text: `${known.code}: ${known.message}\n${nextStep[known.code] ?? DEFAULT_STEP}\n${JSON.stringify({ error: body })}`,
      },
    ],
    structuredContent: { error: body },
  };
}

/** A write tool's refusal for a read-only token, decided in this one place (see tool-kit.ts). */
export function readOnlyRefusal(): AppError {
  return new AppError('insufficient_scope', 'this API token is read-only: it cannot make changes');
}

/** Reads a Server-Sent Events response in tests: messages one by one, comments skipped, with timeouts. */
import assert from 'node:assert/strict';
import type { Body, TestApi } from './api.ts';

export interface SseMessage {
  id: string | undefined;
  event: string | undefined;
  data: string;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = '';
  /** Comment lines seen so far (the server's heartbeats). */
  comments = 0;
  private ended = false;
  private pendingRead: Promise<{ done: boolean; value?: Uint8Array | undefined }> | null = null;

  constructor(response: Response) {
    if (!response.body) throw new Error('the response has no body');
    this.reader = response.body.getReader();
  }

  /** The next message, or null when the stream ends; fails after `timeoutMs` of waiting. */
  async next(timeoutMs = 5_000): Promise<SseMessage | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const message = this.parseOne();
      if (message) return message;
      if (this.ended) return null;
      const chunk = await this.read(deadline - Date.now());
      if (chunk === 'timeout') throw new Error(`no SSE message within ${timeoutMs} ms`);
    }
  }

  /** Resolves with the next message, or null if none arrives within `ms` (the stream stays usable). */
  async nextWithin(ms: number): Promise<SseMessage | null> {
    const deadline = Date.now() + ms;
    for (;;) {
      const message = this.parseOne();
      if (message) return message;
      if (this.ended) return null;
      if ((await this.read(deadline - Date.now())) === 'timeout') return null;
    }
  }

  /** Resolves true once the server ends the stream (messages before the end are discarded). */
  async waitForEnd(timeoutMs = 5_000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      const read = await this.read(deadline - Date.now());
      while (this.parseOne()) {}
      if (read === 'timeout') return false;
    }
    return true;
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => {});
  }

  private async read(ms: number): Promise<'data' | 'timeout'> {
    this.pendingRead ??= this.reader.read();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), Math.max(0, ms));
    });
    const result = await Promise.race([this.pendingRead, timeout]);
    clearTimeout(timer);
    if (result === 'timeout') return 'timeout';
    this.pendingRead = null;
    if (result.done) this.ended = true;
    else this.buffer += this.decoder.decode(result.value, { stream: true });
    return 'data';
  }

  /** Takes one complete message off the buffer; blocks of only comments are dropped. */
  private parseOne(): SseMessage | null {
    for (;;) {
      const end = this.buffer.indexOf('\n\n');
      if (end < 0) return null;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      const message: SseMessage = { id: undefined, event: undefined, data: '' };
      let hasData = false;
      for (const line of block.split('\n')) {
        if (line.startsWith(':')) {
          this.comments += 1;
          continue;
        }
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'id') message.id = value;
        else if (field === 'event') message.event = value;
        else if (field === 'data') {
          message.data = hasData ? `${message.data}\n${value}` : value;
          hasData = true;
        }
      }
      if (hasData) return message;
    }
  }
}

/** GET /products/{id}/stream through the in-process app, as the owner unless told otherwise. */
export async function openStream(
  api: TestApi,
  productId: string,
  options: { token?: string | null; query?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const token = options.token === undefined ? api.ownerToken : options.token;
  if (token) headers.authorization = `Bearer ${token}`;
  return api.app.request(`http://cairn.test/api/v1/products/${productId}/stream${options.query ?? ''}`, {
    headers,
  });
}

/** Opens a stream that must succeed, and returns its reader. */
export async function follow(
  api: TestApi,
  productId: string,
  options: Parameters<typeof openStream>[2] = {},
) {
  const response = await openStream(api, productId, options);
  if (response.status !== 200) assert.fail(`stream: ${response.status} ${await response.text()}`);
  return new SseReader(response);
}

/** The parsed `data` of a `change` message (its SSE id checked against the event id). */
export function changeOf(message: SseMessage | null): Body {
  assert.ok(message, 'a message');
  assert.equal(message.event, 'change');
  const data = JSON.parse(message.data);
  assert.equal(message.id, String(data.event.id), 'the SSE id is the event id');
  return data;
}

/** The next `count` changes, in order. */
export async function changes(reader: SseReader, count: number, timeoutMs = 5_000) {
  const received = [];
  for (let i = 0; i < count; i += 1) received.push(changeOf(await reader.next(timeoutMs)));
  return received;
}

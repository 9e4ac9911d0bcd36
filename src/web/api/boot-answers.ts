/**
 * Answers to the reads the inline boot script (boot/boot.ts) sent before the app started. The client
 * (client.ts) takes one instead of sending the same GET again. Each is taken once, only while fresh, and
 * all are dropped at the first write: a login, a logout or any change must never be answered by a read
 * made before it (the answer could be another user's view, or stale).
 */

/** What the boot script leaves on `window.__cairnBoot`. */
export interface BootAnswers {
  /** `Date.now()` when the reads went out. */
  sentAt: number;
  /** Pending answers by path under /api/v1 (with its query string). */
  answers: Map<string, Promise<Response>>;
}

/** An answer older than this is not used: the read is made again. */
const FRESH_MS = 15_000;

function held(): BootAnswers | undefined {
  return typeof window === 'undefined' ? undefined : (window as { __cairnBoot?: BootAnswers }).__cairnBoot;
}

/** The boot script's answer to this request, once, or null: `apiPath` is the URL's path after /api/v1. */
export function takeBootAnswer(method: string, apiPath: string): Promise<Response> | null {
  const boot = held();
  if (!boot || boot.answers.size === 0) return null;
  if (method !== 'GET' || Date.now() - boot.sentAt > FRESH_MS) {
    boot.answers.clear();
    return null;
  }
  const answer = boot.answers.get(apiPath);
  if (!answer) return null;
  boot.answers.delete(apiPath);
  return answer;
}

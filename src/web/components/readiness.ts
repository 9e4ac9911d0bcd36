/**
 * The words every screen uses for an item's readiness against the Definition of Ready, and the one index
 * from item id to readiness that a readiness report is turned into. The reasons' messages are the
 * server's (one per failing rule, in rule order): the web never words a rule again.
 */
import type { ReadinessReportT } from '../api/analysis.ts';
import type { NotReadyReasonT } from '../api/execution.ts';

/** What a ready item's mark says. */
export const READY_TEXT = 'Ready: passes the Definition of Ready';

/** One open item's readiness: its failing rules, and them as one line ('' when it is ready). */
export interface Readiness {
  reasons: readonly NotReadyReasonT[];
  text: string;
}

/** "no estimate; no acceptance criteria": every failing rule's message, in the order the server gives. */
export function reasonsText(reasons: readonly Pick<NotReadyReasonT, 'message'>[]): string {
  return reasons.map((reason) => reason.message).join('; ');
}

/** "Not ready: no estimate; …" for the failing rules as one line, or READY_TEXT when there are none. */
export function readinessLabel(text: string): string {
  return text === '' ? READY_TEXT : `Not ready: ${text}`;
}

/** Each open item's readiness by item id; items not in it are closed, or newer than the report. */
export function indexReadiness(report: ReadinessReportT | undefined): ReadonlyMap<string, Readiness> {
  const index = new Map<string, Readiness>();
  for (const item of report?.items ?? []) {
    index.set(item.itemId, { reasons: item.reasons, text: reasonsText(item.reasons) });
  }
  return index;
}

/** Words and date formats for initiatives, shared by the board, the timeline and the detail screen. */
import type { InitiativeStatusT, VisibilityT } from '../../api/types.ts';

export const INITIATIVE_STATUSES: readonly InitiativeStatusT[] = ['proposed', 'active', 'done', 'dropped'];

export { CONFIDENCE_LABELS, INITIATIVE_STATUS_LABELS } from '../../../presenters/plan-labels.ts';

export const VISIBILITY_LABELS: Record<VisibilityT, string> = {
  internal: 'Internal only',
  public: 'Public roadmap',
};

// One formatter for every card: building one per render would cost more than the card itself.
const dayFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** "2026-03-01" → "1 Mar 2026" (in the reader's locale); dates are calendar days, so read as UTC. */
export function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return dayFormat.format(new Date(Date.UTC(year, month - 1, day)));
}

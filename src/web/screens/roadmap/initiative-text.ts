/** Words and date formats for initiatives, shared by the board, the timeline and the detail screen. */
import type { InitiativeStatusT, VisibilityT } from '../../api/types.ts';

export const INITIATIVE_STATUSES: readonly InitiativeStatusT[] = ['proposed', 'active', 'done', 'dropped'];

export { CONFIDENCE_LABELS, INITIATIVE_STATUS_LABELS } from '../../../presenters/plan-labels.ts';

export const VISIBILITY_LABELS: Record<VisibilityT, string> = {
  internal: 'Internal only',
  public: 'Public roadmap',
};

/** Kept for the sprint screens, which import it from here: the one format is components/dates.ts. */
export { formatDay } from '../../components/dates.ts';

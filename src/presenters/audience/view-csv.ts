/**
 * Each audience view's rows as CSV: one row per initiative, in the view's own columns (the customer's
 * only its public ones). Cells go through presenters/csv.ts, which defuses spreadsheet formulas.
 */
import type { CustomerView, ExecutiveView, RoadmapView, TeamView } from '../../schemas/audience.ts';
import { type CsvCell, toCsv } from '../csv.ts';
import { HORIZON_LABELS } from './model.ts';

const STAGE_LABELS = { exploring: 'Exploring', planned: 'Planned', delivered: 'Delivered' } as const;

function customerCsv(view: CustomerView): string {
  return toCsv(
    ['horizon', 'title', 'summary', 'stage'],
    view.initiatives.map((i) => [HORIZON_LABELS[i.horizon], i.title, i.summary, STAGE_LABELS[i.stage]]),
  );
}

function executiveCsv(view: ExecutiveView): string {
  return toCsv(
    ['title', 'theme', 'objectives', 'horizon', 'targetDate', 'confidence', 'status', 'metrics', 'risks'],
    view.initiatives.map((i): CsvCell[] => [
      i.title,
      i.theme,
      i.objectives.join('; '),
      HORIZON_LABELS[i.horizon],
      i.targetDate,
      i.confidence,
      i.status,
      i.metrics
        .map((m) => [m.name, m.measured ?? m.baseline, m.target].filter((v) => v !== null).join(' → '))
        .join('; '),
      i.risks.map((r) => r.message).join('; '),
    ]),
  );
}

function teamCsv(view: TeamView): string {
  return toCsv(
    [
      'title',
      'theme',
      'objectives',
      'horizon',
      'startDate',
      'targetDate',
      'confidence',
      'visibility',
      'status',
      'doneItems',
      'totalItems',
      'donePoints',
      'totalPoints',
      'successMetrics',
      'publicSummary',
      'summary',
    ],
    view.initiatives.map((i): CsvCell[] => [
      i.title,
      i.theme,
      i.objectives.map((o) => o.title).join('; '),
      HORIZON_LABELS[i.horizon],
      i.startDate,
      i.targetDate,
      i.confidence,
      i.visibility,
      i.status,
      i.progress.doneItems,
      i.progress.totalItems,
      i.progress.donePoints,
      i.progress.totalPoints,
      i.successMetrics.join('; '),
      i.publicSummary,
      i.summary,
    ]),
  );
}

/** The view's rows as a CSV document. */
export function roadmapViewCsv(view: RoadmapView): string {
  if (view.view === 'customer') return customerCsv(view);
  if (view.view === 'executive') return executiveCsv(view);
  return teamCsv(view);
}

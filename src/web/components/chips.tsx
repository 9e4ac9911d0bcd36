/** Small shared labels: item status, item type, initiative confidence, a progress bar. */
import type { Progress } from '../../domain/progress.ts';
import { CONFIDENCE_LABELS, TYPE_MARKS } from '../../presenters/plan-labels.ts';
import type { ConfidenceT, ItemStatusT, ItemTypeT } from '../api/types.ts';
import { STATUS_LABELS, TYPE_LABELS } from '../api/types.ts';

export function StatusChip({ status }: { status: ItemStatusT }) {
  return (
    <span
      className="status-chip"
      style={{ '--chip-color': `var(--status-${status})` } as React.CSSProperties}
    >
      {STATUS_LABELS[status]}
    </span>
  );
}

export function TypeBadge({ type }: { type: ItemTypeT }) {
  return (
    <span
      className={`type-badge type-${type}`}
      title={TYPE_LABELS[type]}
      role="img"
      aria-label={TYPE_LABELS[type]}
    >
      {TYPE_MARKS[type]}
    </span>
  );
}

/** Committed work reads as a promise; exploratory work must visibly not (the roadmap is not a contract). */
export function ConfidenceBadge({ confidence }: { confidence: ConfidenceT }) {
  return <span className={`confidence confidence-${confidence}`}>{CONFIDENCE_LABELS[confidence]}</span>;
}

/**
 * Done against total, in points (and items). `progress` null: not counted yet (the backlog is still on its
 * way), shown as such rather than as zeros that would look true.
 */
export function ProgressBar({ progress, label }: { progress: Progress | undefined | null; label: string }) {
  if (progress === null) {
    return (
      <div className="progress progress-counting">
        {/* No value: an indeterminate progress bar, as the ARIA spec has it for a figure not known yet. */}
        <div
          className="progress-track"
          role="progressbar"
          aria-label={`${label} progress`}
          aria-valuetext="Counting backlog work…"
          aria-busy="true"
        />
        <span className="progress-text">Counting…</span>
      </div>
    );
  }
  const p = progress ?? { doneItems: 0, totalItems: 0, donePoints: 0, totalPoints: 0, unestimated: 0 };
  const byPoints = p.totalPoints > 0;
  const done = byPoints ? p.donePoints : p.doneItems;
  const total = byPoints ? p.totalPoints : p.totalItems;
  const percent = total > 0 ? Math.round((done / total) * 100) : 0;
  const text =
    p.totalItems === 0
      ? 'No backlog work yet'
      : `${p.donePoints}/${p.totalPoints} pts · ${p.doneItems}/${p.totalItems} items`;
  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label={`${label} progress`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={text}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <span className="progress-text">{text}</span>
    </div>
  );
}

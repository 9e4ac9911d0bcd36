/**
 * Committed points against the sprint's capacity and the team's velocity. A refinement reserve leaves
 * capacity × (1 − share) to plan, and the meter says so ("27 of 30 points: 10 % kept for refinement"). Over capacity, the meter says so
 * in words (announced to screen readers as it changes), not only in colour.
 */
import type { SprintT, VelocityT } from '../../api/execution.ts';
import { formatPoints, planningCapacity, readCapacity, refinementText } from './sprint-numbers.ts';

interface Props {
  sprint: SprintT;
  planned: { points: number; unestimated: number };
  velocity: VelocityT | null;
}

const NO_VELOCITY: VelocityT = { mean: null, min: null, max: null, sprints: 0 };

export function CapacityMeter({ sprint, planned, velocity }: Props) {
  const reading = readCapacity(
    planned.points,
    sprint.capacity,
    velocity ?? NO_VELOCITY,
    sprint.refinementShare,
  );
  const capacity =
    sprint.capacity === null ? null : planningCapacity(sprint.capacity, sprint.refinementShare);
  const reserve = refinementText(sprint.capacity, sprint.refinementShare);
  const velocityMark =
    velocity?.mean !== null && velocity?.mean !== undefined && capacity
      ? Math.min(100, (velocity.mean / capacity) * 100)
      : null;
  return (
    <section className={`capacity-meter capacity-${reading.level}`} aria-labelledby="capacity-title">
      <h2 id="capacity-title">Capacity</h2>
      {capacity !== null && (
        // biome-ignore lint/a11y/useSemanticElements: a styled bar, not <meter>: it also marks the velocity, which <meter> cannot draw
        <div
          className="capacity-track"
          role="meter"
          aria-label="Committed points against capacity"
          aria-valuemin={0}
          aria-valuemax={capacity}
          aria-valuenow={Math.min(planned.points, capacity)}
          aria-valuetext={reading.text}
        >
          <div className="capacity-fill" style={{ width: `${reading.percent}%` }} />
          {velocityMark !== null && (
            <div
              className="capacity-velocity"
              style={{ left: `${velocityMark}%` }}
              title={`Velocity ${formatPoints(velocity?.mean ?? 0)}`}
            />
          )}
        </div>
      )}
      {/* A live region: adding an item that tips the sprint over capacity is announced. */}
      <p className="capacity-text" role="status">
        {reading.level === 'over' && (
          <span className="capacity-warning-icon" aria-hidden="true">
            ⚠{' '}
          </span>
        )}
        {reading.text}
      </p>
      {reserve && <p className="capacity-reserve">{reserve}</p>}
      {planned.unestimated > 0 && (
        <p className="hint">
          {planned.unestimated === 1
            ? '1 item has no estimate and counts as 0 points.'
            : `${planned.unestimated} items have no estimate and count as 0 points.`}
        </p>
      )}
      <p className="capacity-velocity-text">{velocity ? reading.velocityText : 'Velocity: loading…'}</p>
      {sprint.state !== 'planned' && sprint.committedPoints !== null && (
        <p className="hint">Committed at the start: {formatPoints(sprint.committedPoints)} points.</p>
      )}
    </section>
  );
}

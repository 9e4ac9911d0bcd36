/** The roadmap's filter checkboxes (status, confidence) and the legend that explains confidence. */
import type { ConfidenceT, InitiativeStatusT } from '../../api/types.ts';
import { CONFIDENCES } from '../../api/types.ts';
import { CONFIDENCE_LABELS, INITIATIVE_STATUS_LABELS, INITIATIVE_STATUSES } from './initiative-text.ts';
import type { RoadmapFilter } from './roadmap-filter.ts';

function toggled<T>(set: ReadonlySet<T>, value: T): Set<T> {
  const next = new Set(set);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return next;
}

export function RoadmapFilterBar(props: { filter: RoadmapFilter; onChange: (next: RoadmapFilter) => void }) {
  const { filter, onChange } = props;
  return (
    <div className="roadmap-filters">
      <fieldset>
        <legend>Status</legend>
        {INITIATIVE_STATUSES.map((status: InitiativeStatusT) => (
          <label key={status} className="check">
            <input
              type="checkbox"
              checked={filter.statuses.has(status)}
              onChange={() => onChange({ ...filter, statuses: toggled(filter.statuses, status) })}
            />
            {INITIATIVE_STATUS_LABELS[status]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Confidence</legend>
        {CONFIDENCES.map((confidence: ConfidenceT) => (
          <label key={confidence} className="check">
            <input
              type="checkbox"
              checked={filter.confidences.has(confidence)}
              onChange={() => onChange({ ...filter, confidences: toggled(filter.confidences, confidence) })}
            />
            {CONFIDENCE_LABELS[confidence]}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

/** How to read the roadmap: a committed card is a promise, an exploratory one is an idea being tested. */
export function ConfidenceLegend() {
  return (
    <ul className="confidence-legend" aria-label="Legend">
      <li>
        <span className="legend-swatch swatch-committed" aria-hidden="true" />
        Committed: we are doing this
      </li>
      <li>
        <span className="legend-swatch swatch-planned" aria-hidden="true" />
        Planned: likely, may shift
      </li>
      <li>
        <span className="legend-swatch swatch-exploratory" aria-hidden="true" />
        Exploratory: an idea we are testing, not a promise
      </li>
    </ul>
  );
}

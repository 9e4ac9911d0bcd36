/** What the shapes, colours and lines of the dependency map mean; each sample is drawn as the map draws it. */
import type { ReactNode } from 'react';

function Sample({ children }: { children: ReactNode }) {
  return (
    <svg className="dep-legend-sample" width="34" height="18" viewBox="0 0 34 18" aria-hidden="true">
      {children}
    </svg>
  );
}

const box = <rect className="dep-shape" x="1" y="2" width="32" height="14" rx="3" />;
const line = (className: string, marker = 'url(#dep-arrow)') => (
  <path className={`dep-edge ${className}`} d="M1,9 L31,9" markerEnd={marker} />
);

const ENTRIES: { label: string; sample: ReactNode }[] = [
  { label: 'Item', sample: <g className="dep-item">{box}</g> },
  { label: 'Blocked item', sample: <g className="dep-item is-blocked">{box}</g> },
  { label: 'On the critical path', sample: <g className="dep-item is-critical">{box}</g> },
  { label: 'Item in another product', sample: <g className="dep-item is-foreign">{box}</g> },
  {
    label: 'Initiative',
    sample: (
      <g className="dep-initiative">
        <rect className="dep-shape" x="1" y="2" width="32" height="14" rx="7" />
      </g>
    ),
  },
  {
    label: 'External dependency',
    sample: (
      <g className="dep-external">
        <polygon className="dep-shape" points="6,2 33,2 28,16 1,16" />
      </g>
    ),
  },
  {
    label: 'Overdue external dependency',
    sample: (
      <g className="dep-external is-overdue">
        <polygon className="dep-shape" points="6,2 33,2 28,16 1,16" />
      </g>
    ),
  },
  { label: 'Blocks', sample: line('dep-edge-blocks') },
  { label: 'Critical path', sample: line('dep-edge-blocks is-critical', 'url(#dep-arrow-critical)') },
  { label: 'Waits on (external)', sample: line('dep-edge-waits') },
  { label: 'Serves (initiative)', sample: line('dep-edge-serves') },
];

export function GraphLegend() {
  return (
    <ul className="dep-legend" aria-label="Legend">
      {ENTRIES.map((entry) => (
        <li key={entry.label}>
          <Sample>{entry.sample}</Sample>
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

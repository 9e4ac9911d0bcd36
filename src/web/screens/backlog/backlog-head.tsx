/**
 * The column headers, with "select all shown" (checked when all are, mixed when some are) unless the user
 * may not select (a viewer).
 */
import { useEffect, useRef } from 'react';

export function BacklogHead(props: {
  selectable: boolean;
  all: boolean;
  some: boolean;
  onSelectAll: (on: boolean) => void;
}) {
  return (
    <thead className="backlog-head">
      <tr aria-rowindex={1} className="backlog-row head-row">
        <th className="cell-select">
          {props.selectable ? (
            <SelectAll all={props.all} some={props.some} onChange={props.onSelectAll} />
          ) : (
            <span className="visually-hidden">Item</span>
          )}
        </th>
        <th className="cell-handle">
          <span className="visually-hidden">Reorder</span>
        </th>
        <th className="cell-type">
          <span className="visually-hidden">Type</span>
        </th>
        <th>Key</th>
        <th className="cell-ready">
          <span className="visually-hidden">Ready</span>
        </th>
        <th>Title</th>
        <th className="cell-labels">Labels</th>
        <th>Initiative</th>
        <th>Status</th>
        <th className="cell-plan">Sprint</th>
        <th className="cell-plan">Release</th>
        <th className="cell-estimate">Points</th>
        <th className="cell-assignee">
          <span className="visually-hidden">Assignee</span>
        </th>
      </tr>
    </thead>
  );
}

function SelectAll(props: { all: boolean; some: boolean; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  // "Mixed" exists only as a DOM property, not as an attribute React could set.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = props.some && !props.all;
  }, [props.some, props.all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all shown items"
      checked={props.all}
      onChange={() => props.onChange(!props.all)}
    />
  );
}

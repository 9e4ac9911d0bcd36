/**
 * Open work per theme or objective as small bars: the share of all open work, in items, with the points
 * beside it. The words carry the figures; the bar is for the eye only.
 */
import { percent, plural, points } from './health-text.ts';

export interface ShareRow {
  id: string;
  name: string;
  items: number;
  points: number;
  itemShare: number;
  pointShare: number;
}

export function ShareBars({
  label,
  rows,
  empty,
}: {
  label: string;
  rows: readonly ShareRow[];
  empty: string;
}) {
  if (rows.length === 0) return <p className="hint">{empty}</p>;
  return (
    <ul className="share-bars" aria-label={label}>
      {rows.map((row) => (
        <li key={row.id} className="share-bar">
          <span className="share-bar-name">{row.name}</span>
          <span className="share-bar-track" aria-hidden="true">
            <span className="share-bar-fill" style={{ width: `${Math.min(100, row.itemShare * 100)}%` }} />
          </span>
          <span className="share-bar-figures">
            {percent(row.itemShare)} · {plural(row.items, 'item')}, {points(row.points)} pts (
            {percent(row.pointShare)})
          </span>
        </li>
      ))}
    </ul>
  );
}

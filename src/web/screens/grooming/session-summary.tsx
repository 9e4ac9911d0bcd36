/** What a grooming session changed: items seen, the items each action was done to, every item touched. */
import { useEffect, useRef } from 'react';
import { ItemKeyLink } from './item-list.tsx';
import { ACTION_LABELS, actionCounts, type SessionLog } from './session-log.ts';

const items = (count: number) => (count === 1 ? '1 item' : `${count} items`);

export function SessionSummary({ log, onClose }: { log: SessionLog; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const counts = actionCounts(log);
  return (
    <section className="session-summary" aria-labelledby="session-summary-heading">
      <h2 id="session-summary-heading" ref={heading} tabIndex={-1}>
        Grooming session ended
      </h2>
      <p>
        {items(log.seen)} seen, {items(log.touched.length)} changed.
      </p>
      {counts.length > 0 && (
        <ul className="session-counts" aria-label="Changes by action">
          {counts.map(({ action, label, count }) => (
            <li key={action}>
              {label}: <strong>{items(count)}</strong>
            </li>
          ))}
        </ul>
      )}
      {log.touched.length > 0 && (
        <ul className="session-touched" aria-label="Items changed">
          {log.touched.map((entry) => (
            <li key={entry.id}>
              <ItemKeyLink itemKey={entry.key} />{' '}
              {entry.actions.map((action) => ACTION_LABELS[action].toLowerCase()).join(', ')}
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={onClose}>
        Close the summary
      </button>
    </section>
  );
}

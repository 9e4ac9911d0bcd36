/**
 * The roadmap changes since the last review (or the last 30 days before the first), newest first: what,
 * who and when. A snapshot keeps the newest 200; the rest are counted.
 */

import { formatInstant } from '../../components/dates.ts';
import { useReviewFigures } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { HealthSection, ReportState } from './health-section.tsx';
import { describeRoadmapChange, personName, plural } from './health-text.ts';

export function ChangesSection() {
  const store = useStore();
  const report = useReviewFigures(store.product.id);
  const figures = report.data;
  return (
    <HealthSection title="What changed since the last review" className="health-changes">
      <ReportState
        what="changes"
        loading={report.isPending}
        error={report.error}
        hasData={figures !== undefined}
      />
      {figures && (
        <>
          <p className="hint">
            {figures.previousReviewId
              ? `Roadmap changes since the last review, ${formatInstant(figures.since)}.`
              : `No review yet: roadmap changes since ${formatInstant(figures.since)} (30 days).`}
          </p>
          {figures.snapshot.changes.length === 0 ? (
            <p>No roadmap changes.</p>
          ) : (
            <ul className="change-list" aria-label="Roadmap changes">
              {[...figures.snapshot.changes].reverse().map((change, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: a snapshot's list is replaced whole, never reordered, and two changes may be alike
                <li key={index}>
                  <span>
                    {describeRoadmapChange(change, store.initiatives.get(change.initiativeId)?.title)}
                  </span>
                  <span className="hint">
                    {personName(store.users, change.actorId)} ·{' '}
                    <time dateTime={change.at}>{formatInstant(change.at)}</time>
                  </span>
                </li>
              ))}
            </ul>
          )}
          {figures.snapshot.changesTotal > figures.snapshot.changes.length && (
            <p className="hint">
              and {plural(figures.snapshot.changesTotal - figures.snapshot.changes.length, 'older change')}.
            </p>
          )}
        </>
      )}
    </HealthSection>
  );
}

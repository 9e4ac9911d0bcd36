/**
 * The sprint report: what was completed, what was not (and where it went at the close), what was added
 * after the start and what was removed, each with its points.
 */
import { Link, type Location } from 'react-router';
import type { SprintReportT } from '../../api/execution.ts';
import { paths } from '../../routes.ts';
import { formatPoints } from './sprint-numbers.ts';

type ReportItem = SprintReportT['completed'][number] & { movedTo?: 'next' | 'backlog' | null };

const MOVED_TEXT = { next: 'moved to the next sprint', backlog: 'moved to the top of the backlog' };

function sum(items: readonly ReportItem[]): number {
  return items.reduce((total, item) => total + (item.estimate ?? 0), 0);
}

function ReportSection(props: {
  title: string;
  empty: string;
  items: readonly ReportItem[];
  background: Location;
}) {
  const id = `report-${props.title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section className="report-section" aria-labelledby={id}>
      <h3 id={id}>
        {props.title}{' '}
        <span className="hint">
          {props.items.length} {props.items.length === 1 ? 'item' : 'items'} ·{' '}
          {formatPoints(sum(props.items))} points
        </span>
      </h3>
      {props.items.length === 0 ? (
        <p className="hint">{props.empty}</p>
      ) : (
        <ul className="report-list">
          {props.items.map((item) => (
            <li key={item.id}>
              <Link to={paths.item(item.key)} state={{ background: props.background }}>
                <span className="key">{item.key}</span> {item.title}
              </Link>
              <span className="report-points">
                {item.estimate === null ? 'no estimate' : `${formatPoints(item.estimate)} pts`}
              </span>
              {item.movedTo && <span className="report-moved">{MOVED_TEXT[item.movedTo]}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SprintReport(props: {
  report: SprintReportT;
  productKey: string;
  background: Location;
  /** A preview of a running sprint: nothing has moved yet. */
  preview?: boolean;
}) {
  const { report, background } = props;
  return (
    <section className="sprint-report" aria-labelledby="sprint-report-title">
      <h2 id="sprint-report-title">{props.preview ? 'Sprint so far' : 'Sprint report'}</h2>
      <p className="report-summary">
        {formatPoints(report.completedPoints)} of {formatPoints(report.committedPoints)} committed points
        completed.
        {report.nextSprintId && (
          <>
            {' '}
            <Link to={paths.sprint(props.productKey, report.nextSprintId)}>Go to the next sprint</Link>
          </>
        )}
      </p>
      <div className="report-grid">
        <ReportSection
          title="Completed"
          empty="Nothing was completed."
          items={report.completed}
          background={background}
        />
        <ReportSection
          title="Not completed"
          empty="Everything was completed."
          items={report.notCompleted}
          background={background}
        />
        <ReportSection
          title="Added after start"
          empty="Nothing was added after the start."
          items={report.addedAfterStart}
          background={background}
        />
        <ReportSection
          title="Removed"
          empty="Nothing was removed."
          items={report.removed}
          background={background}
        />
      </div>
    </section>
  );
}

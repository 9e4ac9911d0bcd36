/** After the import: what it did, and the way to the backlog and the roadmap where the work now is. */
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ImportReportT } from '../../api/imports.ts';
import { paths } from '../../routes.ts';
import { ConflictList, CountsTable, ImportNotes, SkippedList } from './report-parts.tsx';
import { summaryLine } from './report-text.ts';

export function ImportResult(props: { report: ImportReportT; productKey: string; onAgain: () => void }) {
  const { report, productKey } = props;
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview's button is gone: focus moves to the news rather than to the page's top.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="import-result" aria-labelledby="import-result-heading">
      <h2 id="import-result-heading" ref={heading} tabIndex={-1}>
        Imported
      </h2>
      <p role="status">
        Items: {summaryLine(report)}. Initiatives: {summaryLine(report, 'initiatives')}.
      </p>
      <CountsTable report={report} />
      <ImportNotes report={report} />
      <SkippedList report={report} />
      <ConflictList report={report} />
      <nav className="import-next" aria-label="After the import">
        <Link to={paths.backlog(productKey)}>Open the backlog</Link>
        <Link to={paths.roadmap(productKey)}>Open the roadmap</Link>
        <button type="button" onClick={props.onAgain}>
          Import another file
        </button>
      </nav>
    </section>
  );
}

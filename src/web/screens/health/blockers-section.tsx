/** What stands in the way: blocked items and external dependencies not met, or past their expected date. */
import { Link } from 'react-router';
import { paths } from '../../routes.ts';
import { useReviewFigures } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { HealthSection, ReportState } from './health-section.tsx';

export function BlockersSection() {
  const store = useStore();
  const report = useReviewFigures(store.product.id);
  const blockers = report.data?.snapshot.blockers;
  return (
    <HealthSection title="Blockers" className="health-blockers">
      <ReportState
        what="blockers"
        loading={report.isPending}
        error={report.error}
        hasData={blockers !== undefined}
      />
      {blockers && (
        <>
          <dl className="health-figures health-tiles">
            <div>
              <dt>Blocked items</dt>
              <dd>
                <strong>{blockers.blockedItems}</strong>
              </dd>
            </div>
            <div>
              <dt>External dependencies not met</dt>
              <dd>
                <strong>{blockers.unmetExternals}</strong>
              </dd>
            </div>
            <div className={blockers.overdueExternals > 0 ? 'tile-bad' : ''}>
              <dt>Overdue external dependencies</dt>
              <dd>
                <strong>{blockers.overdueExternals}</strong>
                {blockers.overdueExternals > 0 && <span className="outlook outlook-late">Overdue</span>}
              </dd>
            </div>
          </dl>
          <p className="hint">
            An open item is blocked while open work it depends on, or an external dependency, is not done; an
            external dependency is overdue once its expected date has passed.{' '}
            <Link to={paths.dependencies(store.product.key)}>See the dependency map</Link>
          </p>
        </>
      )}
    </HealthSection>
  );
}

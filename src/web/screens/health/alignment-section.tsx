/**
 * Whether the backlog still serves the roadmap: how much open work is linked to an initiative (overall,
 * per theme, per objective), the work serving none, initiatives in now or next with nothing to do, and
 * the drift between sprints and roadmap.
 */
import { Link, useLocation } from 'react-router';
import type { AlignmentReportT } from '../../api/analysis.ts';
import { HORIZON_LABELS } from '../../api/types.ts';
import { paths } from '../../routes.ts';
import { useAlignment } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { DriftList } from './drift-list.tsx';
import { HealthSection, ReportState } from './health-section.tsx';
import { percent, plural, points } from './health-text.ts';
import { ShareBars } from './share-bars.tsx';

/** Orphan items named on the screen; the backlog filter shows them all. */
const ORPHANS_SHOWN = 5;

export function AlignmentSection() {
  const store = useStore();
  const report = useAlignment(store.product.id);
  return (
    <HealthSection title="Alignment" className="health-alignment">
      <ReportState
        what="alignment"
        loading={report.isPending}
        error={report.error}
        hasData={report.data !== undefined}
      />
      {report.data && <AlignmentFigures report={report.data} productKey={store.product.key} />}
    </HealthSection>
  );
}

function AlignmentFigures({ report, productKey }: { report: AlignmentReportT; productKey: string }) {
  const location = useLocation();
  const { total, linked, byTheme, byObjective } = report.coverage;
  const orphans = report.orphanItems.slice(0, ORPHANS_SHOWN);
  return (
    <>
      <dl className="health-figures">
        <div>
          <dt>Open work linked to an initiative</dt>
          {total.items === 0 ? (
            <dd>No open work</dd>
          ) : (
            <dd>
              <span>
                <strong>{percent(linked.itemShare)}</strong> of items ({linked.items} of {total.items})
              </span>
              <span>
                <strong>{percent(linked.pointShare)}</strong> of points ({points(linked.points)} of{' '}
                {points(total.points)})
              </span>
            </dd>
          )}
        </div>
        <div>
          <dt>Open work serving no initiative</dt>
          <dd>
            <strong>{plural(report.orphanTotal, 'item')}</strong>
            {report.orphanTotal > 0 && (
              <>
                {' · '}
                <Link to={`${paths.backlog(productKey)}?initiative=none`}>Show them in the backlog</Link>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>Initiatives in now or next without work</dt>
          <dd>
            <strong>{report.initiativesWithoutWork.length}</strong>
          </dd>
        </div>
      </dl>

      {orphans.length > 0 && (
        <div className="health-block">
          <h3>Work serving no initiative</h3>
          <ul className="health-links" aria-label="Open items serving no initiative">
            {orphans.map((item) => (
              <li key={item.itemId}>
                <Link to={paths.item(item.key)} state={{ background: location }}>
                  <span className="key">{item.key}</span> {item.title}
                </Link>
              </li>
            ))}
          </ul>
          {report.orphanTotal > orphans.length && (
            <p className="hint">and {plural(report.orphanTotal - orphans.length, 'more item')}.</p>
          )}
        </div>
      )}

      {report.initiativesWithoutWork.length > 0 && (
        <div className="health-block">
          <h3>Initiatives in now or next without work</h3>
          <ul className="health-links" aria-label="Initiatives without work">
            {report.initiativesWithoutWork.map((initiative) => (
              <li key={initiative.initiativeId}>
                <Link to={paths.initiative(productKey, initiative.initiativeId)}>{initiative.title}</Link>{' '}
                <span className="hint">{HORIZON_LABELS[initiative.horizon]}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="health-columns">
        <div className="health-block">
          <h3>By theme</h3>
          <ShareBars
            label="Open work by theme"
            empty="No themes yet."
            rows={byTheme.map((theme) => ({ ...theme, id: theme.themeId ?? 'none' }))}
          />
        </div>
        <div className="health-block">
          <h3>By objective</h3>
          <ShareBars
            label="Open work by objective"
            empty="No objectives yet."
            rows={byObjective.map((objective) => ({
              ...objective,
              id: objective.objectiveId,
              name: objective.title,
            }))}
          />
          {byObjective.length > 1 && (
            <p className="hint">An initiative may serve several objectives, so these can add up past 100%.</p>
          )}
        </div>
      </div>

      <div className="health-block">
        <h3>Drift</h3>
        <DriftList drift={report.drift} />
      </div>
    </>
  );
}

/**
 * The views that read the plan rather than edit it — the strategic review (Health), Grooming, the
 * Dependencies map and the Charts (Reports) — share one entry in the header ("Insights") and this strip of
 * tabs, so the header keeps every control on one line down to 1,024 px.
 */
import { NavLink } from 'react-router';
import { paths } from '../routes.ts';
import './insight-tabs.css';

export const INSIGHT_VIEWS = [
  { label: 'Health', path: paths.health },
  { label: 'Grooming', path: paths.grooming },
  { label: 'Dependencies', path: paths.dependencies },
  { label: 'Charts', path: paths.reports },
] as const;

/** True when `pathname` is one of the insight views of a product. */
export function isInsightPath(pathname: string): boolean {
  return /^\/p\/[^/]+\/(health|grooming|dependencies|reports)\/?$/.test(pathname);
}

export function InsightTabs({ productKey }: { productKey: string }) {
  return (
    <nav className="insight-tabs" aria-label="Insights">
      {INSIGHT_VIEWS.map((view) => (
        <NavLink key={view.label} to={view.path(productKey)}>
          {view.label}
        </NavLink>
      ))}
    </nav>
  );
}

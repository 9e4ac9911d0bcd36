/**
 * The product's documents — the vision, the PRDs and the user story maps — share one entry in the header
 * ("Docs") and this strip of tabs, as the insight views do, so the header keeps every control on one line
 * down to 1,024 px.
 */
import { NavLink } from 'react-router';
import { paths } from '../routes.ts';
import './insight-tabs.css';

export { isDocPath } from './doc-paths.ts';

export const DOC_VIEWS = [
  { label: 'Vision', path: paths.vision },
  { label: 'PRDs', path: paths.prds },
  { label: 'Story maps', path: paths.storyMaps },
] as const;

export function DocTabs({ productKey }: { productKey: string }) {
  return (
    <nav className="insight-tabs" aria-label="Documents">
      {DOC_VIEWS.map((view) => (
        <NavLink key={view.label} to={view.path(productKey)}>
          {view.label}
        </NavLink>
      ))}
    </nav>
  );
}

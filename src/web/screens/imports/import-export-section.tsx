/**
 * The product home's way in to imports (editors only: a viewer is not offered what the server would
 * refuse) and its export downloads (every member).
 */
import { Link } from 'react-router';
import { paths } from '../../routes.ts';
import { ExportLinks } from './export-links.tsx';

export function ImportExportSection(props: { productId: string; productKey: string; readOnly: boolean }) {
  return (
    <section aria-labelledby="home-data-heading" className="home-data">
      <h2 id="home-data-heading">{props.readOnly ? 'Export' : 'Import and export'}</h2>
      {!props.readOnly && (
        <p>
          <Link to={paths.imports(props.productKey)}>Import…</Link>
          <span className="hint">
            {' '}
            — from Jira, Trello, Linear or a Markdown folder, with a preview first
          </span>
        </p>
      )}
      <ExportLinks productId={props.productId} />
    </section>
  );
}

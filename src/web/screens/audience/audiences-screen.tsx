/**
 * /p/:key/roadmap/audiences?view=executive|customer|team — the roadmap as each audience sees it, from the
 * server's presenters; exported as CSV, printed through the print stylesheet, and (editors) shared.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { AUDIENCE_VIEW_NAMES, type AudienceViewNameT, audienceApi } from '../../api/audience.ts';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { CustomerViewPanel, ExecutiveViewPanel, TeamViewPanel } from './audience-views.tsx';
import { ShareLinksDialog } from './share-links-dialog.tsx';
import './audiences.css';

const LABELS: Record<AudienceViewNameT, string> = {
  executive: 'Executives',
  customer: 'Customers',
  team: 'Team',
};

function viewOf(value: string | null): AudienceViewNameT {
  return AUDIENCE_VIEW_NAMES.find((name) => name === value) ?? 'executive';
}

export function AudiencesScreen() {
  const store = useStore();
  const productId = store.product.id;
  const [search, setSearch] = useSearchParams();
  const view = viewOf(search.get('view'));
  const [sharing, setSharing] = useState(false);
  const { data, error, isPending } = useQuery({
    queryKey: queryKeys.audienceView(productId, view),
    queryFn: ({ signal }) => audienceApi.view(productId, view, signal),
  });

  return (
    <main className="screen audiences-screen">
      <div className="audiences-toolbar">
        <Link to={paths.roadmap(store.product.key)} className="audiences-back">
          ← Roadmap
        </Link>
        <h1>Roadmap for {LABELS[view].toLowerCase()}</h1>
        <div role="tablist" aria-label="Audience" className="audiences-tabs">
          {AUDIENCE_VIEW_NAMES.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === view}
              onClick={() => setSearch({ view: name }, { replace: true })}
            >
              {LABELS[name]}
            </button>
          ))}
        </div>
        <div className="audiences-actions">
          <a className="button" href={audienceApi.csvUrl(productId, view)} download>
            Export CSV
          </a>
          <button type="button" onClick={() => window.print()}>
            Print
          </button>
          {!store.readOnly && (
            <button type="button" onClick={() => setSharing(true)}>
              Share…
            </button>
          )}
        </div>
      </div>
      {error && (
        <div role="alert">
          <p>The view could not be loaded.</p>
          <FormError error={error} />
        </div>
      )}
      {isPending && !error && (
        <p className="hint" aria-busy="true">
          Loading the view…
        </p>
      )}
      {data?.view === 'executive' && <ExecutiveViewPanel view={data} />}
      {data?.view === 'customer' && <CustomerViewPanel view={data} />}
      {data?.view === 'team' && <TeamViewPanel view={data} />}
      {data && 'truncated' in data && data.truncated && (
        <p className="hint">
          Only the first initiatives are shown: the roadmap holds more than a view lists.
        </p>
      )}
      {sharing && <ShareLinksDialog productId={productId} onClose={() => setSharing(false)} />}
    </main>
  );
}

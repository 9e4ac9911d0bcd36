/**
 * One initiative (/p/:key/initiatives/:id): its words (summary, public summary, success metrics), its
 * planning fields, and the backlog work serving it with progress. Every edit is optimistic.
 */
import { Link, useParams } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import { ConfidenceBadge } from '../../components/chips.tsx';
import { CommentsPanel } from '../../components/comments/comments-panel.tsx';
import { scopeClass } from '../../components/edit-scope.ts';
import { paths } from '../../routes.ts';
import { updateInitiative } from '../../state/mutations/initiatives.ts';
import { useStore } from '../../state/use-store.ts';
import { InitiativePrds } from '../prds/initiative-prds.tsx';
import { INITIATIVE_STATUS_LABELS } from '../roadmap/initiative-text.ts';
import { EditableText } from './editable-text.tsx';
import { InitiativeFields } from './initiative-fields.tsx';
import { InitiativeItems } from './initiative-items.tsx';
import { InitiativeTitle } from './initiative-title.tsx';
import { SuccessMetrics } from './success-metrics.tsx';
import { TrashInitiative } from './trash-initiative.tsx';
import './initiative.css';

export function InitiativeScreen() {
  const store = useStore();
  const { initiativeId = '' } = useParams();
  const key = store.product.key;
  // Its list of backlog work needs the whole backlog, not only the planning reads.
  if (!store.planningLoaded || store.state !== 'ready') {
    return <main className="screen initiative-screen" aria-busy="true" />;
  }
  const initiative = store.initiatives.get(initiativeId);
  if (!initiative) {
    return (
      <main className="screen initiative-screen">
        <div className="centered">
          <h1>No such initiative</h1>
          <p>
            It does not exist in {store.product.name}, or it was moved to the trash.{' '}
            <Link to={paths.roadmap(key)}>Back to the roadmap</Link>.
          </p>
        </div>
      </main>
    );
  }
  const theme = initiative.themeId ? store.themes.get(initiative.themeId) : undefined;
  let itemCount = 0;
  for (const item of store.items.values()) if (item.initiativeId === initiative.id) itemCount += 1;

  return (
    <main className="screen initiative-screen">
      <nav className="initiative-crumbs" aria-label="Back">
        <Link to={paths.roadmap(key)}>← Roadmap</Link>
        <Link to={paths.timeline(key)}>Timeline</Link>
      </nav>
      <div
        className={`initiative-page initiative-${initiative.confidence}`}
        style={theme ? ({ '--theme-color': theme.color } as React.CSSProperties) : undefined}
      >
        <div className="initiative-main">
          <header className="initiative-header">
            <InitiativeTitle key={initiative.id} initiative={initiative} />
            <p className="initiative-tags">
              <ConfidenceBadge confidence={initiative.confidence} />
              <span className={`initiative-status initiative-status-${initiative.status}`}>
                {INITIATIVE_STATUS_LABELS[initiative.status]}
              </span>
              {theme && <span className="initiative-theme">{theme.name}</span>}
            </p>
          </header>
          {/* A viewer reads everything here; the fields are disabled and the ways to change them gone. */}
          <fieldset disabled={store.readOnly} className={scopeClass(store.readOnly)}>
            <EditableText
              key={`summary-${initiative.id}`}
              label="Summary"
              hint="For the team: the problem, the bet, what is in and out."
              value={initiative.summary}
              version={initiative.version}
              markdown
              maxLength={LIMITS.initiativeSummary}
              empty="No summary yet."
              onSave={(summary, baseVersion) =>
                void updateInitiative(store, initiative.id, { summary }, baseVersion ? { baseVersion } : {})
              }
            />
            <EditableText
              key={`public-${initiative.id}`}
              label="Public summary"
              hint={
                <>
                  <strong>Customer-facing.</strong> The only words about this initiative a public roadmap
                  shows
                  {initiative.visibility === 'public'
                    ? ' (this initiative is public).'
                    : ' (this one is internal for now).'}
                </>
              }
              value={initiative.publicSummary}
              version={initiative.version}
              markdown={false}
              maxLength={LIMITS.publicSummary}
              empty="No public summary yet."
              onSave={(publicSummary, baseVersion) =>
                void updateInitiative(
                  store,
                  initiative.id,
                  { publicSummary },
                  baseVersion ? { baseVersion } : {},
                )
              }
            />
            <InitiativePrds initiative={initiative} withoutPrd={<SuccessMetrics initiative={initiative} />} />
            <InitiativeItems initiative={initiative} />
          </fieldset>
          <CommentsPanel subject={{ entityType: 'initiative', id: initiative.id }} headingLevel={2} />
        </div>
        <aside className="initiative-side" aria-label="Planning">
          <fieldset disabled={store.readOnly} className={scopeClass(store.readOnly)}>
            <InitiativeFields initiative={initiative} />
          </fieldset>
          {!store.readOnly && <TrashInitiative initiative={initiative} itemCount={itemCount} />}
        </aside>
      </div>
    </main>
  );
}

/**
 * One PRD (/p/:key/prds/:prdId): its sections edited with a live preview, its review, its gaps beside it,
 * and links to export it as Markdown or print it. Viewers read it; editors change it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PRD_STATUS_LABELS, type PrdStatusName } from '../../../domain/prd-rules.ts';
import { type PrdGapsT, prdExportUrls, prdsApi } from '../../api/prds.ts';
import { CommentsPanel } from '../../components/comments/comments-panel.tsx';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { PrdEditor } from './prd-editor.tsx';
import { PrdWorkflow } from './prd-workflow.tsx';
import './prds.css';

function GapsPanel({ gaps, error }: { gaps: PrdGapsT | undefined; error: unknown }) {
  return (
    <section className="prd-gaps" aria-labelledby="prd-gaps-heading" aria-live="polite">
      <h2 id="prd-gaps-heading">Gaps</h2>
      <FormError error={error} />
      {gaps &&
        (gaps.unlinkedRequirements.length === 0 && gaps.unmeasuredMetrics.length === 0 ? (
          <p className="hint">No gaps: every requirement has a backlog item and every metric is measured.</p>
        ) : (
          <>
            {gaps.unlinkedRequirements.length > 0 && (
              <>
                <h3>Requirements with no backlog item</h3>
                <ul aria-label="Requirements with no backlog item">
                  {gaps.unlinkedRequirements.map((r) => (
                    <li key={r.id}>{r.text}</li>
                  ))}
                </ul>
              </>
            )}
            {gaps.unmeasuredMetrics.length > 0 && (
              <>
                <h3>Metrics never measured</h3>
                <ul aria-label="Metrics never measured">
                  {gaps.unmeasuredMetrics.map((m, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: metric names may repeat; the list is read-only
                    <li key={index}>{m.name}</li>
                  ))}
                </ul>
              </>
            )}
          </>
        ))}
    </section>
  );
}

export function PrdScreen() {
  const store = useStore();
  const queryClient = useQueryClient();
  const { prdId = '' } = useParams();
  const productId = store.product.id;
  const key = store.product.key;
  const prd = useQuery({
    queryKey: queryKeys.prd(productId, prdId),
    queryFn: ({ signal }) => prdsApi.get(prdId, signal),
  });
  const gaps = useQuery({
    queryKey: [...queryKeys.prdGaps(productId, prdId), prd.data?.version ?? 0],
    queryFn: ({ signal }) => prdsApi.gaps(prdId, signal),
    enabled: prd.data !== undefined,
  });
  const trash = useMutation({
    mutationFn: () => prdsApi.trash(prdId),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.prdList(productId) }),
  });
  const restore = useMutation({
    mutationFn: () => prdsApi.restore(prdId),
    onSuccess: () => {
      trash.reset();
      void queryClient.invalidateQueries({ queryKey: queryKeys.prds(productId) });
    },
  });

  if (prd.isPending) return <main className="screen prd-screen" aria-busy="true" />;
  if (prd.error || !prd.data) {
    return (
      <main className="screen prd-screen">
        <h1>{trash.isSuccess ? 'The PRD is in the trash' : 'No such PRD'}</h1>
        {trash.isSuccess ? (
          <button type="button" disabled={restore.isPending} onClick={() => restore.mutate()}>
            Restore it
          </button>
        ) : (
          <FormError error={prd.error} />
        )}
        <FormError error={restore.error} />
        <p>
          <Link to={paths.prds(key)}>All PRDs</Link>
        </p>
      </main>
    );
  }
  const data = prd.data;
  const initiative = data.initiativeId ? store.initiatives.get(data.initiativeId) : undefined;
  const exports = prdExportUrls(data.id);
  const editable = !store.readOnly;

  return (
    <main className="screen prd-screen">
      <nav className="prd-crumbs" aria-label="Back">
        <Link to={paths.prds(key)}>PRDs</Link>
        {initiative && (
          <>
            {' · '}
            <Link to={paths.initiative(key, initiative.id)}>{initiative.title}</Link>
          </>
        )}
      </nav>
      <header className="prd-header">
        <h1>{data.title}</h1>
        <span className={`prd-status prd-status-${data.status}`}>
          {PRD_STATUS_LABELS[data.status as PrdStatusName]}
        </span>
        <span className="prd-exports">
          <a href={exports.markdown} download>
            Export Markdown
          </a>
          <a href={exports.html} target="_blank" rel="noopener noreferrer">
            Print
          </a>
          {editable && (
            <button
              type="button"
              className="link-button"
              disabled={trash.isPending}
              onClick={() => trash.mutate()}
            >
              Move to the trash
            </button>
          )}
        </span>
      </header>
      <FormError error={trash.error ?? restore.error} />
      {trash.isSuccess && (
        <p role="status">
          The PRD is in the trash.{' '}
          <button type="button" className="link-button" onClick={() => restore.mutate()}>
            Restore it
          </button>{' '}
          or go <Link to={paths.prds(key)}>back to the PRDs</Link>.
        </p>
      )}
      <div className="prd-layout">
        <PrdEditor prd={data} editable={editable} />
        <aside className="prd-aside">
          <GapsPanel gaps={gaps.data} error={gaps.error} />
          <PrdWorkflow prd={data} editable={editable} />
        </aside>
      </div>
      <CommentsPanel subject={{ entityType: 'prd', id: data.id }} headingLevel={2} />
    </main>
  );
}

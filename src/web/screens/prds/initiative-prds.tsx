/**
 * On an initiative's screen: its PRDs (link, status), the success metrics of its current PRD, and "Write a
 * PRD" for editors (the first PRD takes over the initiative's own metrics).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { PRD_STATUS_LABELS, type PrdStatusName } from '../../../domain/prd-rules.ts';
import { prdsApi } from '../../api/prds.ts';
import type { InitiativeT } from '../../api/types.ts';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import './prds.css';

/** `withoutPrd`: what shows while the initiative has no current PRD (its own metrics, editable). */
export function InitiativePrds({
  initiative,
  withoutPrd,
}: {
  initiative: InitiativeT;
  withoutPrd: ReactNode;
}) {
  const store = useStore();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = store.product.key;
  const prds = useQuery({
    queryKey: queryKeys.initiativePrds(initiative.productId, initiative.id),
    queryFn: ({ signal }) => prdsApi.ofInitiative(initiative.id, signal),
  });
  const write = useMutation({
    mutationFn: () => prdsApi.createForInitiative(initiative.id, { title: `PRD: ${initiative.title}` }),
    onSuccess: (prd) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.prds(initiative.productId) });
      navigate(paths.prd(key, prd.id));
    },
  });
  // The current PRD: the newest not superseded (the list comes newest first).
  const current = prds.data?.find((prd) => prd.status !== 'superseded');
  const noPrd = prds.data ? current === undefined : initiative.prdId === null;
  return (
    <>
      {noPrd && withoutPrd}
      <section className="initiative-prds" aria-labelledby="initiative-prds-heading">
        <h2 id="initiative-prds-heading">PRDs</h2>
        <FormError error={prds.error ?? write.error} />
        {prds.data && prds.data.length === 0 && (
          <p className="hint">No PRD yet: why does this initiative exist?</p>
        )}
        {prds.data && prds.data.length > 0 && (
          <ul className="initiative-prd-list">
            {prds.data.map((prd) => (
              <li key={prd.id}>
                <Link to={paths.prd(key, prd.id)}>{prd.title}</Link>{' '}
                <span className={`prd-status prd-status-${prd.status}`}>
                  {PRD_STATUS_LABELS[prd.status as PrdStatusName]}
                </span>
              </li>
            ))}
          </ul>
        )}
        {current && (
          <>
            <h3>Success metrics (from the PRD)</h3>
            {current.successMetrics.length === 0 ? (
              <p className="hint">The PRD has no metric yet.</p>
            ) : (
              <table className="prd-metrics">
                <thead>
                  <tr>
                    <th scope="col">Metric</th>
                    <th scope="col">Baseline</th>
                    <th scope="col">Target</th>
                    <th scope="col">Measured</th>
                  </tr>
                </thead>
                <tbody>
                  {current.successMetrics.map((m, index) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: metric names may repeat; the table is read-only
                    <tr key={index}>
                      <td>{m.name}</td>
                      <td>{m.baseline ?? '—'}</td>
                      <td>{m.target ?? '—'}</td>
                      <td>{m.measured ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
        {!store.readOnly && (
          <button type="button" disabled={write.isPending} onClick={() => write.mutate()}>
            Write a PRD
          </button>
        )}
      </section>
    </>
  );
}

/** The product's PRDs (/p/:key/prds), newest first, with a form to start one while exploring (editors). */

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { PRD_STATUS_LABELS, type PrdStatusName } from '../../../domain/prd-rules.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import { prdsApi } from '../../api/prds.ts';
import { DocTabs } from '../../components/doc-tabs.tsx';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import './prds.css';

function NewPrd({ productId, productKey }: { productId: string; productKey: string }) {
  const id = useId();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState('');
  const create = useMutation({
    mutationFn: () => prdsApi.createInProduct(productId, { title: title.trim() }),
    onSuccess: (prd) => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.prds(productId) });
      navigate(paths.prd(productKey, prd.id));
    },
  });
  return (
    <form
      className="prd-new"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim() && !create.isPending) create.mutate();
      }}
    >
      <label htmlFor={id}>New PRD (no initiative yet)</label>
      <input
        id={id}
        maxLength={LIMITS.prdTitle}
        value={title}
        placeholder="Title"
        onChange={(event) => setTitle(event.target.value)}
      />
      <button type="submit" disabled={!title.trim() || create.isPending}>
        Write a PRD
      </button>
      <FormError error={create.error} />
    </form>
  );
}

function PrdTrash({ productId, editable }: { productId: string; editable: boolean }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const trashed = useQuery({
    queryKey: queryKeys.prdTrash(productId),
    queryFn: ({ signal }) => prdsApi.trashed(productId, signal),
    enabled: open,
  });
  const restore = useMutation({
    mutationFn: (id: string) => prdsApi.restore(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: queryKeys.prds(productId) }),
  });
  return (
    <details className="prd-trash" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Trash</summary>
      <FormError error={trashed.error ?? restore.error} />
      {trashed.data && trashed.data.length === 0 && <p className="hint">No PRD in the trash.</p>}
      {trashed.data && trashed.data.length > 0 && (
        <ul>
          {trashed.data.map((prd) => (
            <li key={prd.id}>
              {prd.title}{' '}
              {editable && (
                <button type="button" disabled={restore.isPending} onClick={() => restore.mutate(prd.id)}>
                  Restore
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}

export function PrdsScreen() {
  const store = useStore();
  const productId = store.product.id;
  const key = store.product.key;
  const list = useQuery({
    queryKey: queryKeys.prdList(productId),
    queryFn: ({ signal }) => prdsApi.list(productId, signal),
  });
  return (
    <main className="screen prds-screen">
      <DocTabs productKey={store.product.key} />
      <h1>PRDs</h1>
      <p className="hint">
        Why each initiative exists and how its success is measured. Write one from an initiative, or here
        while exploring.
      </p>
      {!store.readOnly && <NewPrd productId={productId} productKey={key} />}
      <FormError error={list.error} />
      {list.data && list.data.length === 0 && <p>No PRD yet.</p>}
      {list.data && list.data.length > 0 && (
        <table className="prd-list">
          <thead>
            <tr>
              <th scope="col">Title</th>
              <th scope="col">Initiative</th>
              <th scope="col">Status</th>
              <th scope="col">Requirements</th>
              <th scope="col">Metrics</th>
            </tr>
          </thead>
          <tbody>
            {list.data.map((prd) => {
              const initiative = prd.initiativeId ? store.initiatives.get(prd.initiativeId) : undefined;
              return (
                <tr key={prd.id}>
                  <td>
                    <Link to={paths.prd(key, prd.id)}>{prd.title}</Link>
                  </td>
                  <td>
                    {initiative ? (
                      <Link to={paths.initiative(key, initiative.id)}>{initiative.title}</Link>
                    ) : (
                      <span className="hint">Exploring</span>
                    )}
                  </td>
                  <td>
                    <span className={`prd-status prd-status-${prd.status}`}>
                      {PRD_STATUS_LABELS[prd.status as PrdStatusName]}
                    </span>
                  </td>
                  <td>{prd.requirementCount}</td>
                  <td>{prd.successMetrics.length}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <PrdTrash productId={productId} editable={!store.readOnly} />
    </main>
  );
}

/**
 * The roadmap's baselines beside the board and the timeline: save the roadmap under a name, pick a baseline
 * to compare with the roadmap now (or with another baseline), and read the changelog. The open panel and
 * the baselines compared live in the address (?panel=baselines&baseline=…&against=…), so a link shows it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useSearchParams } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import { baselinesApi } from '../../api/baselines.ts';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { AnnouncementDialogHost } from './baseline-announce.tsx';
import { BaselineDiffView, baselineLabel } from './baseline-diff.tsx';
import { ChangelogList } from './changelog-list.tsx';
import './baseline.css';

type Panel = 'baselines' | 'changelog';

/** The toolbar's "Baselines" and "Changelog" buttons, the panel they open, and the pivot question. */
export function BaselineTools() {
  const [params, setParams] = useSearchParams();
  const panel = params.get('panel') as Panel | null;
  const panelId = useId();
  const toggle = (next: Panel) =>
    setParams(
      (current) => {
        const result = new URLSearchParams(current);
        if (result.get('panel') === next) result.delete('panel');
        else result.set('panel', next);
        return result;
      },
      { replace: true },
    );
  return (
    <>
      <div className="baseline-buttons">
        <button
          type="button"
          aria-expanded={panel === 'baselines'}
          aria-controls={panelId}
          onClick={() => toggle('baselines')}
        >
          Baselines
        </button>
        <button
          type="button"
          aria-expanded={panel === 'changelog'}
          aria-controls={panelId}
          onClick={() => toggle('changelog')}
        >
          Changelog
        </button>
      </div>
      {(panel === 'baselines' || panel === 'changelog') && (
        <aside
          id={panelId}
          className="baseline-panel"
          aria-label={panel === 'baselines' ? 'Baselines' : 'Roadmap changelog'}
        >
          <div className="baseline-panel-head">
            <h2>{panel === 'baselines' ? 'Baselines' : 'Changelog'}</h2>
            <button
              type="button"
              className="icon-button"
              aria-label="Close the panel"
              onClick={() => toggle(panel)}
            >
              ×
            </button>
          </div>
          {panel === 'baselines' ? <BaselinesPanel /> : <ChangelogList />}
        </aside>
      )}
      <AnnouncementDialogHost />
    </>
  );
}

function BaselinesPanel() {
  const store = useStoreOnce();
  const productId = store.product.id;
  const queryClient = useQueryClient();
  const [params, setParams] = useSearchParams();
  const [name, setName] = useState('');
  const ids = useId();
  const list = useQuery({
    queryKey: queryKeys.baselineList(productId),
    queryFn: ({ signal }) => baselinesApi.list(productId, signal),
  });
  const baselines = list.data ?? [];
  const chosen = baselines.find((b) => b.id === params.get('baseline')) ?? baselines[0] ?? null;
  const against = params.get('against') ?? 'now';
  const choose = (key: 'baseline' | 'against', value: string) =>
    setParams(
      (current) => {
        const result = new URLSearchParams(current);
        result.set(key, value);
        return result;
      },
      { replace: true },
    );
  const save = useMutation({
    mutationFn: (baselineName: string) => baselinesApi.create(productId, baselineName),
    onSuccess: (created) => {
      setName('');
      choose('baseline', created.id);
      void queryClient.invalidateQueries({ queryKey: queryKeys.baselines(productId) });
    },
  });
  const diff = useQuery({
    queryKey: queryKeys.baselineDiff(productId, chosen?.id ?? '', against),
    queryFn: ({ signal }) => baselinesApi.diff(chosen?.id ?? '', against, signal),
    enabled: chosen !== null,
  });

  return (
    <div className="stack">
      {!store.readOnly && (
        <form
          className="baseline-save"
          onSubmit={(event) => {
            event.preventDefault();
            if (name.trim()) save.mutate(name.trim());
          }}
        >
          <label htmlFor={`${ids}-name`}>Save the roadmap as</label>
          <div className="baseline-row">
            <input
              id={`${ids}-name`}
              value={name}
              maxLength={LIMITS.baselineName}
              placeholder="Q3 plan"
              onChange={(event) => setName(event.target.value)}
            />
            <button type="submit" className="primary" disabled={save.isPending || name.trim() === ''}>
              Save baseline
            </button>
          </div>
          <FormError error={save.error} />
        </form>
      )}
      {list.error ? (
        <FormError error={list.error} />
      ) : !list.data ? (
        <p className="hint" aria-busy="true">
          Loading the baselines…
        </p>
      ) : baselines.length === 0 ? (
        <p className="hint">
          No baseline yet. Save the roadmap under a name (“Q3 plan”) to see later what moved, and who moved
          it.
        </p>
      ) : (
        <>
          <div className="baseline-row">
            <label htmlFor={`${ids}-from`}>Compare</label>
            <select
              id={`${ids}-from`}
              value={chosen?.id ?? ''}
              onChange={(event) => choose('baseline', event.target.value)}
            >
              {baselines.map((b) => (
                <option key={b.id} value={b.id}>
                  {baselineLabel(b)}
                </option>
              ))}
            </select>
          </div>
          <div className="baseline-row">
            <label htmlFor={`${ids}-against`}>with</label>
            <select
              id={`${ids}-against`}
              value={against}
              onChange={(event) => choose('against', event.target.value)}
            >
              <option value="now">the roadmap now</option>
              {baselines
                .filter((b) => b.id !== chosen?.id)
                .map((b) => (
                  <option key={b.id} value={b.id}>
                    {baselineLabel(b)}
                  </option>
                ))}
            </select>
          </div>
          <div aria-live="polite">
            {diff.error ? (
              <FormError error={diff.error} />
            ) : diff.data ? (
              <BaselineDiffView diff={diff.data} />
            ) : (
              <p className="hint" aria-busy="true">
                Comparing…
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}

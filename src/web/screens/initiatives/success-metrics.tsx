/** How the initiative's success is measured: a list of short statements, edited in place. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { InitiativeT } from '../../api/types.ts';
import { InlineAdd } from '../../components/inline-add.tsx';
import { updateInitiative } from '../../state/mutations/initiatives.ts';
import { useStoreOnce } from '../../state/use-store.ts';

function MetricRow(props: {
  index: number;
  metric: string;
  onSave: (text: string) => void;
  onRemove: () => void;
}) {
  const [draft, setDraft] = useState(props.metric);
  const commit = () => {
    const text = draft.trim();
    if (!text) setDraft(props.metric);
    else if (text !== props.metric) props.onSave(text);
  };
  const n = props.index + 1;
  return (
    <li>
      <input
        aria-label={`Success metric ${n}`}
        maxLength={LIMITS.metric}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          } else if (event.key === 'Escape') {
            setDraft(props.metric);
          }
        }}
      />
      <button
        type="button"
        className="icon-button"
        aria-label={`Remove success metric ${n}`}
        onClick={props.onRemove}
      >
        ×
      </button>
    </li>
  );
}

export function SuccessMetrics({ initiative }: { initiative: InitiativeT }) {
  const store = useStoreOnce();
  const metrics = initiative.successMetrics;
  // Each change saves the whole list, built from the latest held copy so quick edits do not undo each other.
  const change = (edit: (list: string[]) => string[]) => {
    const current = store.initiatives.get(initiative.id)?.successMetrics ?? metrics;
    void updateInitiative(store, initiative.id, { successMetrics: edit([...current]) });
  };
  return (
    <section className="success-metrics" aria-labelledby="success-metrics-title">
      <h2 id="success-metrics-title">Success metrics</h2>
      <p className="hint">How you will know it worked: measurable, e.g. “Checkout conversion up 5 %”.</p>
      {metrics.length > 0 && (
        <ol>
          {metrics.map((metric, index) => (
            <MetricRow
              // biome-ignore lint/suspicious/noArrayIndexKey: metrics have no ids; position and text name a row, and a saved change resets its draft
              key={`${index}:${metric}`}
              index={index}
              metric={metric}
              onSave={(value) => change((list) => list.map((m, i) => (i === index ? value : m)))}
              onRemove={() => change((list) => list.filter((_, i) => i !== index))}
            />
          ))}
        </ol>
      )}
      <InlineAdd
        label="New success metric"
        placeholder="Add a success metric"
        maxLength={LIMITS.metric}
        button="Add"
        onAdd={(metric) => change((list) => [...list, metric])}
      />
    </section>
  );
}

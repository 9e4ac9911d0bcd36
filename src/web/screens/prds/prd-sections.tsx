/** The parts of the PRD editor: a Markdown section with a live preview, the metrics table, the requirements. */
import { useId } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { PrdT } from '../../api/prds.ts';
import { Markdown } from '../../components/markdown.tsx';
import { ItemPicker } from './item-picker.tsx';
import { type MetricRow, newRequirement, type RequirementRow } from './prd-form.ts';

export function MarkdownSection(props: {
  label: string;
  value: string;
  disabled: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <section className="prd-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{props.label}</h2>
      {props.disabled ? (
        props.value.trim() ? (
          <Markdown source={props.value} />
        ) : (
          <p className="hint">Nothing written yet.</p>
        )
      ) : (
        <div className="prd-panes">
          <div>
            <label htmlFor={id} className="visually-hidden">
              {props.label} (Markdown)
            </label>
            <textarea
              id={id}
              rows={8}
              maxLength={LIMITS.prdSection}
              value={props.value}
              placeholder="Markdown"
              onChange={(event) => props.onChange(event.target.value)}
            />
          </div>
          <section className="prd-preview" aria-label={`${props.label} preview`}>
            {props.value.trim() ? (
              <Markdown source={props.value} showPlainTextHint />
            ) : (
              <p className="hint">The preview shows here.</p>
            )}
          </section>
        </div>
      )}
    </section>
  );
}

const FIGURES = [
  { name: 'baseline', label: 'Baseline' },
  { name: 'target', label: 'Target' },
  { name: 'measured', label: 'Measured' },
] as const;

export function MetricsTable(props: {
  metrics: MetricRow[];
  disabled: boolean;
  onChange: (metrics: MetricRow[]) => void;
}) {
  const set = (index: number, patch: Partial<MetricRow>) =>
    props.onChange(props.metrics.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  return (
    <section className="prd-section" aria-labelledby="prd-metrics-heading">
      <h2 id="prd-metrics-heading">Success metrics</h2>
      {props.metrics.length === 0 && <p className="hint">No metric yet: how will you know it worked?</p>}
      {props.metrics.length > 0 && (
        <table className="prd-metrics">
          <thead>
            <tr>
              <th scope="col">Metric</th>
              {FIGURES.map((f) => (
                <th key={f.name} scope="col">
                  {f.label}
                </th>
              ))}
              {!props.disabled && (
                <th scope="col" className="visually-hidden">
                  Remove
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {props.metrics.map((metric, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: metrics have no ids; a row is its position in the table
              <tr key={index}>
                <td>
                  <input
                    aria-label={`Metric ${index + 1} name`}
                    maxLength={LIMITS.metric}
                    value={metric.name}
                    disabled={props.disabled}
                    onChange={(event) => set(index, { name: event.target.value })}
                  />
                </td>
                {FIGURES.map((f) => (
                  <td key={f.name}>
                    <input
                      aria-label={`Metric ${index + 1} ${f.label.toLowerCase()}`}
                      maxLength={LIMITS.prdMetricValue}
                      value={metric[f.name]}
                      disabled={props.disabled}
                      onChange={(event) => set(index, { [f.name]: event.target.value })}
                    />
                  </td>
                ))}
                {!props.disabled && (
                  <td>
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={`Remove metric ${index + 1}`}
                      onClick={() => props.onChange(props.metrics.filter((_, i) => i !== index))}
                    >
                      ×
                    </button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!props.disabled && props.metrics.length < LIMITS.prdMetrics && (
        <button
          type="button"
          onClick={() =>
            props.onChange([...props.metrics, { name: '', baseline: '', target: '', measured: '' }])
          }
        >
          Add a metric
        </button>
      )}
    </section>
  );
}

export function RequirementsList(props: {
  requirements: RequirementRow[];
  known: PrdT['linkedItems'];
  disabled: boolean;
  onChange: (requirements: RequirementRow[]) => void;
}) {
  const set = (index: number, patch: Partial<RequirementRow>) =>
    props.onChange(props.requirements.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  return (
    <section className="prd-section" aria-labelledby="prd-requirements-heading">
      <h2 id="prd-requirements-heading">Requirements</h2>
      {props.requirements.length === 0 && <p className="hint">No requirement yet.</p>}
      <ol className="prd-requirements">
        {props.requirements.map((requirement, index) => (
          <li key={requirement.key}>
            {props.disabled ? (
              <Markdown source={requirement.text} />
            ) : (
              <div className="requirement-text">
                <textarea
                  aria-label={`Requirement ${index + 1}`}
                  rows={2}
                  maxLength={LIMITS.prdRequirementText}
                  value={requirement.text}
                  onChange={(event) => set(index, { text: event.target.value })}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove requirement ${index + 1}`}
                  onClick={() => props.onChange(props.requirements.filter((_, i) => i !== index))}
                >
                  ×
                </button>
              </div>
            )}
            <ItemPicker
              label={`Requirement ${index + 1}`}
              itemIds={requirement.itemIds}
              known={props.known}
              disabled={props.disabled}
              onChange={(itemIds) => set(index, { itemIds })}
            />
          </li>
        ))}
      </ol>
      {!props.disabled && props.requirements.length < LIMITS.prdRequirements && (
        <button type="button" onClick={() => props.onChange([...props.requirements, newRequirement()])}>
          Add a requirement
        </button>
      )}
    </section>
  );
}

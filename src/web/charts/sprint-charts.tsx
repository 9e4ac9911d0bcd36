/**
 * A sprint's burndown and burnup, read from GET /sprints/{id}/burndown and read again when the live
 * bridge says the sprint's items changed (state/live-invalidation.ts), so the line moves live.
 */
import { type BurndownT, burndownSource } from '../api/charts.ts';
import { BurndownChart } from './burndown-chart.tsx';
import { BurnupChart } from './burnup-chart.tsx';
import { useChart } from './use-chart.ts';
import './charts.css';

interface SprintChartsProps {
  sprintId: string;
  productKey: string;
  /** Only the burndown, lower (the board's corner). */
  compact?: boolean;
}

export function SprintCharts({ sprintId, productKey, compact = false }: SprintChartsProps) {
  const source = burndownSource(sprintId);
  const { data, loading, error } = useChart<BurndownT>(source);
  const placeholder = error ? `The burndown could not be loaded: ${error}` : undefined;
  const fileBase = `${productKey}-sprint-${sprintId.slice(0, 8)}`;
  return (
    <div className={`sprint-charts${compact ? ' compact' : ''}`} aria-busy={loading && !data}>
      {error && (
        <p className="form-error" role="alert">
          The burndown could not be loaded: {error}
        </p>
      )}
      <BurndownChart
        burndown={data}
        source={source}
        fileBase={`${fileBase}-burndown`}
        height={compact ? 200 : 280}
        {...(placeholder ? { placeholder } : {})}
      />
      {!compact && (
        <BurnupChart
          burndown={data}
          source={source}
          fileBase={`${fileBase}-burnup`}
          {...(placeholder ? { placeholder } : {})}
        />
      )}
    </div>
  );
}

/**
 * SprintCharts loaded on demand: the sprint and board screens (preloaded while the browser is idle) do not
 * pull the charts in until one shows.
 */
import { type ComponentProps, lazy, Suspense } from 'react';

const Charts = lazy(() => import('./sprint-charts.tsx').then((m) => ({ default: m.SprintCharts })));

export function LazySprintCharts(props: ComponentProps<typeof Charts>) {
  return (
    <Suspense fallback={<p className="hint">Loading the charts…</p>}>
      <Charts {...props} />
    </Suspense>
  );
}

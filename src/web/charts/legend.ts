/** What a chart's legend says, shared by the legend on screen and the one drawn into a downloaded SVG. */

export interface LegendEntry {
  label: string;
  /** A concrete colour (#rrggbb): it must survive outside the page. */
  color: string;
  /** How the series is drawn, so the swatch looks like it (readable without telling colours apart). */
  mark: 'line' | 'dashed' | 'bar' | 'area';
}

/**
 * Colours that colour-blind readers can tell apart (Okabe & Ito), each series also differing in line style
 * or shape so that no meaning rests on colour alone.
 */
export const CHART_COLORS = {
  remaining: '#0072B2',
  ideal: '#5f6b7a',
  done: '#009E73',
  scope: '#D55E00',
  added: '#D55E00',
  removed: '#56B4E9',
  reestimated: '#E69F00',
  reopened: '#CC79A7',
  committed: '#56B4E9',
  completed: '#0072B2',
  mean: '#D55E00',
  afterEnd: '#e2e8f0',
  grid: '#e2e8f0',
  axis: '#475569',
} as const;

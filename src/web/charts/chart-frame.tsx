/**
 * The frame every chart shares: its title, the downloads (SVG, PNG, and the numbers as JSON and CSV), the
 * legend, the chart, a one-sentence summary for screen readers and skimmers, and the numbers as a table.
 */
import { type ReactNode, useId, useRef, useState } from 'react';
import { type ChartSource, chartFileUrl } from '../api/charts.ts';
import { notify } from '../state/notices.ts';
import { chartSvgFile, downloadBlob, pngFromSvg } from './chart-export.ts';
import type { LegendEntry } from './legend.ts';
import './charts.css';

export interface ChartTable {
  columns: { key: string; label: string; numeric?: boolean }[];
  rows: Record<string, string | number | null>[];
}

interface ChartFrameProps {
  title: string;
  /** h2 on a page of charts, h3 inside another section. */
  level?: 2 | 3;
  /** What the chart shows, in words: read by screen readers instead of the picture. */
  summary: string;
  legend: readonly LegendEntry[];
  /** File names of the downloads, without extension: "CHK-burndown-sprint-4". */
  fileBase: string;
  /** The API address of the chart's numbers (JSON and CSV links). */
  source: ChartSource | null;
  /** False while loading or when there is nothing to draw: downloads of the picture are disabled. */
  drawn: boolean;
  table?: ChartTable;
  children: ReactNode;
  /** Shown under the chart (e.g. the scope changes). */
  after?: ReactNode;
  className?: string;
}

export function ChartFrame(props: ChartFrameProps) {
  const titleId = useId();
  const summaryId = useId();
  const plot = useRef<HTMLDivElement>(null);
  const [busy, setBusy] = useState(false);
  const Heading = props.level === 3 ? 'h3' : 'h2';

  const file = () => {
    const svg = plot.current?.querySelector<SVGSVGElement>('svg.chart-svg');
    if (!svg) throw new Error('The chart is not drawn yet.');
    return chartSvgFile(svg, props.title, props.legend);
  };
  const download = async (format: 'svg' | 'png') => {
    setBusy(true);
    try {
      const chart = file();
      const blob =
        format === 'svg' ? new Blob([chart.svg], { type: 'image/svg+xml' }) : await pngFromSvg(chart, 2);
      downloadBlob(blob, `${props.fileBase}.${format}`);
    } catch (error) {
      notify({
        kind: 'error',
        message: `The ${format.toUpperCase()} download failed: ${(error as Error).message}`,
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className={`chart ${props.className ?? ''}`}
      aria-labelledby={titleId}
      aria-describedby={summaryId}
    >
      <div className="chart-head">
        <Heading id={titleId}>{props.title}</Heading>
        <div className="chart-downloads">
          <button type="button" disabled={!props.drawn || busy} onClick={() => void download('svg')}>
            Download SVG
          </button>
          <button type="button" disabled={!props.drawn || busy} onClick={() => void download('png')}>
            Download PNG
          </button>
          {props.source && (
            <>
              <a href={chartFileUrl(props.source, 'json')} download={`${props.fileBase}.json`}>
                JSON
              </a>
              <a href={chartFileUrl(props.source, 'csv')} download={`${props.fileBase}.csv`}>
                CSV
              </a>
            </>
          )}
        </div>
      </div>
      {props.drawn && <ChartLegend entries={props.legend} />}
      <div className="chart-plot" ref={plot}>
        {props.children}
      </div>
      <p className="chart-summary" id={summaryId}>
        {props.summary}
      </p>
      {props.after}
      {props.drawn && props.table && props.table.rows.length > 0 && (
        <details className="chart-numbers">
          <summary>The numbers</summary>
          <DataTable title={props.title} table={props.table} />
        </details>
      )}
    </section>
  );
}

function ChartLegend({ entries }: { entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend" aria-label="Legend">
      {entries.map((entry) => (
        <li key={entry.label}>
          <Swatch entry={entry} />
          {entry.label}
        </li>
      ))}
    </ul>
  );
}

function Swatch({ entry }: { entry: LegendEntry }) {
  return (
    <svg width="20" height="12" viewBox="0 0 20 12" aria-hidden="true" focusable="false">
      {entry.mark === 'line' && <line x1="1" y1="6" x2="19" y2="6" stroke={entry.color} strokeWidth="3" />}
      {entry.mark === 'dashed' && (
        <line x1="1" y1="6" x2="19" y2="6" stroke={entry.color} strokeWidth="2" strokeDasharray="5 3" />
      )}
      {entry.mark === 'bar' && <rect x="4" y="0" width="12" height="12" fill={entry.color} />}
      {entry.mark === 'area' && (
        <rect x="0" y="0" width="20" height="12" fill={entry.color} fillOpacity="0.85" />
      )}
    </svg>
  );
}

function DataTable({ title, table }: { title: string; table: ChartTable }) {
  return (
    <div className="chart-table-wrap">
      <table className="chart-table">
        <caption className="visually-hidden">{title}: the numbers</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, index) => (
            // Rows are days or sprints in order; the index is their identity.
            // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder
            <tr key={index}>
              {table.columns.map((column, at) =>
                at === 0 ? (
                  <th key={column.key} scope="row">
                    {row[column.key] ?? '—'}
                  </th>
                ) : (
                  <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                    {row[column.key] ?? '—'}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

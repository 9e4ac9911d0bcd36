/**
 * The chart endpoints (burndown/burnup, velocity, cumulative flow): typed reads for the screens, and the
 * addresses of the same numbers as JSON and CSV files for the download links (the session cookie
 * authorises them). A source carries both, so the two never name different charts.
 */
import type { z } from 'zod';
import type { Burndown, CumulativeFlow, VelocityChart } from '../../schemas/chart.ts';
import { API, client, ok, query } from './client.ts';

export type BurndownT = z.infer<typeof Burndown>;
export type BurndownDayT = BurndownT['days'][number];
export type ScopeChangeT = BurndownT['scopeChanges'][number];
export type VelocityChartT = z.infer<typeof VelocityChart>;
export type CumulativeFlowT = z.infer<typeof CumulativeFlow>;

type Params = Record<string, string | number | undefined | null>;

/** A chart's API path with its query (for the download links), and how to read its JSON. */
export interface ChartSource<T = unknown> {
  path: string;
  params: Params;
  load: (signal?: AbortSignal) => Promise<T>;
}

/** The address of a chart's numbers in one format, for a download link. */
export function chartFileUrl(source: ChartSource, format: 'json' | 'csv'): string {
  return API + source.path + query({ ...source.params, format: format === 'csv' ? 'csv' : undefined });
}

export function burndownSource(sprintId: string): ChartSource<BurndownT> {
  return {
    path: `/sprints/${sprintId}/burndown`,
    params: {},
    load: (signal) =>
      ok(client.GET('/sprints/{id}/burndown', { params: { path: { id: sprintId } }, signal })),
  };
}

export interface VelocityParams {
  /** A team id, or `none` for the sprints without a team. */
  teamId: string;
  count: number;
}

export function velocitySource(productId: string, params: VelocityParams): ChartSource<VelocityChartT> {
  const search = { teamId: params.teamId, count: params.count };
  return {
    path: `/products/${productId}/velocity`,
    params: search,
    load: (signal) =>
      ok(
        client.GET('/products/{productId}/velocity', {
          params: { path: { productId }, query: search },
          signal,
        }),
      ),
  };
}

export interface FlowParams {
  from: string;
  to: string;
  timezone: string;
  /** Only the items of this team's sprints; absent: every item of the product. */
  teamId?: string | undefined;
}

export function cumulativeFlowSource(productId: string, params: FlowParams): ChartSource<CumulativeFlowT> {
  const search = { from: params.from, to: params.to, timezone: params.timezone, teamId: params.teamId };
  return {
    path: `/products/${productId}/cumulative-flow`,
    params: search,
    load: (signal) =>
      ok(
        client.GET('/products/{productId}/cumulative-flow', {
          params: { path: { productId }, query: search },
          signal,
        }),
      ),
  };
}

/** Reads a chart's JSON. */
export function fetchChart<T>(source: ChartSource<T>, signal?: AbortSignal): Promise<T> {
  return source.load(signal);
}

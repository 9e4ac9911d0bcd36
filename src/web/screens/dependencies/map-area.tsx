/**
 * The map's place on the screen in every state: loading, failed (said where the map would be, with a way
 * to try again), empty, being laid out, drawn with its legend, or cut at the node limit.
 */
import type { UseQueryResult } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Location } from 'react-router';
import { MAX_GRAPH_NODES } from '../../../domain/dependency-map.ts';
import type { DependencyMapT } from '../../api/analysis.ts';
import { ApiError } from '../../api/client.ts';
import { DependencyGraph } from './dependency-graph.tsx';
import { GraphLegend } from './graph-legend.tsx';
import { plural } from './map-text.ts';
import { useGraphLayout } from './use-graph-layout.ts';

interface Props {
  read: UseQueryResult<DependencyMapT>;
  /** Null for the whole product, else the chosen initiative's title. */
  initiativeTitle: string | null;
  background: Location;
}

export function MapArea({ read, initiativeTitle, background }: Props) {
  const map = read.data;
  // The query shares unchanged parts of a fresh answer, so a refetch that changed nothing lays out nothing.
  const nodes = map?.nodes;
  const edges = map?.edges;
  const criticalPath = map?.criticalPath;
  const request = useMemo(
    () => (nodes && edges && criticalPath ? { nodes, edges, criticalPath } : null),
    [nodes, edges, criticalPath],
  );
  const { layout, laying, error: layoutError } = useGraphLayout(request);
  const failure = read.error
    ? read.error instanceof ApiError
      ? read.error.fieldMessage
      : read.error.message
    : null;

  const problem = failure && (
    <div className="dep-error">
      <p className="form-error" role="alert">
        {map ? 'The dependency map could not be refreshed' : 'The dependency map could not be loaded'}:{' '}
        {failure}
      </p>
      <button type="button" onClick={() => void read.refetch()}>
        Try again
      </button>
    </div>
  );
  if (!map) {
    return (
      problem || (
        <p className="dep-placeholder" aria-busy="true">
          Loading the dependency map…
        </p>
      )
    );
  }
  if (map.nodes.length === 0) {
    return (
      <>
        {problem}
        <div className="dep-empty">
          <h2>
            {initiativeTitle ? 'Nothing in this initiative depends on anything' : 'No dependencies yet'}
          </h2>
          <p>
            {initiativeTitle
              ? `No open item of ${initiativeTitle} blocks or waits on another, nor on an external dependency.`
              : 'When an item blocks another or waits on an external dependency (recorded in the Dependencies section of an item), the map draws it here.'}
          </p>
        </div>
      </>
    );
  }
  const items = map.nodes.filter((node) => node.kind === 'item').length;
  return (
    <>
      {problem}
      {map.truncated && (
        <p className="dep-notice">
          The map was cut at {MAX_GRAPH_NODES.toLocaleString('en')} nodes: it shows{' '}
          {map.nodes.length.toLocaleString('en')} of {map.totalNodes.toLocaleString('en')}, critical-path
          items first, then in rank order. Filter by an initiative to see the rest.
        </p>
      )}
      <p className="hint dep-map-count" aria-live="polite">
        {plural(items, 'item')}, {plural(map.edges.length, 'link')}
        {laying && layout ? ' · updating the map…' : ''}
      </p>
      {layoutError && (
        <p className="form-error" role="alert">
          The map could not be drawn: {layoutError}
        </p>
      )}
      {layout ? (
        <>
          <DependencyGraph
            layout={layout}
            background={background}
            label={initiativeTitle ? `Dependency map of ${initiativeTitle}` : 'Dependency map'}
          />
          <GraphLegend />
        </>
      ) : (
        !layoutError && (
          <p className="dep-placeholder" aria-busy="true">
            Laying out {plural(map.nodes.length, 'box', 'boxes')}…
          </p>
        )
      )}
    </>
  );
}

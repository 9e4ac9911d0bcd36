/**
 * The laid-out dependency map as an SVG in a scrolling viewport: drag the background (or scroll, or use the
 * arrow keys on the focused viewport) to pan, zoom with the buttons. Items are links in left-to-right order,
 * so Tab walks the map in the order the work flows and Enter opens the item panel.
 */
import { type PointerEvent, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Location } from 'react-router';
import { fitZoom, type GraphLayout, type PlacedNode, stepZoom, ZOOM_STEPS } from './graph-geometry.ts';
import { GraphNode } from './graph-node.tsx';

/** The first view fits the width down to this zoom, not further: below it the text is unreadable. */
const AUTO_ZOOM_FLOOR = 0.55;

interface Props {
  layout: GraphLayout;
  background: Location;
  /** What the map shows, for the viewport's accessible name. */
  label: string;
}

export function DependencyGraph({ layout, background, label }: Props) {
  const viewport = useRef<HTMLElement>(null);
  const [viewportWidth, setViewportWidth] = useState(0);
  const [chosenZoom, setChosenZoom] = useState<number | null>(null);
  const zoom = chosenZoom ?? fitZoom(layout.width, viewportWidth, AUTO_ZOOM_FLOOR);
  const drag = useRef<{ x: number; y: number; left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    setViewportWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setViewportWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  // A new map (or another initiative's) opens on the start of its critical path, else on its first box:
  // the middle of a tall map may be far from its top-left corner.
  const shownFor = useRef<string | null>(null);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || viewportWidth === 0 || shownFor.current === label) return;
    shownFor.current = label;
    const start = startOf(layout);
    if (!start) return;
    element.scrollLeft = Math.max(0, start.x * zoom - 24);
    element.scrollTop = Math.max(0, (start.y + start.height / 2) * zoom - element.clientHeight / 2);
  }, [layout, label, zoom, viewportWidth]);

  // A zoom keeps the point at the middle of the viewport where it was.
  const keepCenter = useRef<{ x: number; y: number } | null>(null);
  const zoomTo = (next: number) => {
    const element = viewport.current;
    if (element) {
      keepCenter.current = {
        x: (element.scrollLeft + element.clientWidth / 2) / zoom,
        y: (element.scrollTop + element.clientHeight / 2) / zoom,
      };
    }
    setChosenZoom(next);
  };
  useLayoutEffect(() => {
    const element = viewport.current;
    const center = keepCenter.current;
    if (!element || !center) return;
    keepCenter.current = null;
    element.scrollLeft = Math.max(0, center.x * zoom - element.clientWidth / 2);
    element.scrollTop = Math.max(0, center.y * zoom - element.clientHeight / 2);
  }, [zoom]);

  // Left to right, then top to bottom: the tab order follows the flow of the work.
  const nodes = useMemo(() => [...layout.nodes].sort((a, b) => a.x - b.x || a.y - b.y), [layout.nodes]);
  // Critical edges last, so they are drawn over the others.
  const edges = useMemo(
    () => [...layout.edges].sort((a, b) => Number(a.critical) - Number(b.critical)),
    [layout.edges],
  );

  const startDrag = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0 || (event.target as Element).closest('a')) return;
    const element = event.currentTarget;
    drag.current = { x: event.clientX, y: event.clientY, left: element.scrollLeft, top: element.scrollTop };
    element.setPointerCapture(event.pointerId);
    element.classList.add('is-panning');
  };
  const moveDrag = (event: PointerEvent<HTMLElement>) => {
    const start = drag.current;
    if (!start) return;
    event.currentTarget.scrollLeft = start.left - (event.clientX - start.x);
    event.currentTarget.scrollTop = start.top - (event.clientY - start.y);
  };
  const endDrag = (event: PointerEvent<HTMLElement>) => {
    if (!drag.current) return;
    drag.current = null;
    event.currentTarget.classList.remove('is-panning');
    if (event.currentTarget.hasPointerCapture(event.pointerId))
      event.currentTarget.releasePointerCapture(event.pointerId);
  };

  return (
    <div className="dep-graph">
      <div className="dep-zoom" role="toolbar" aria-label="Zoom">
        <button
          type="button"
          aria-label="Zoom out"
          disabled={zoom <= ZOOM_STEPS[0]}
          onClick={() => zoomTo(stepZoom(zoom, -1))}
        >
          −
        </button>
        <output className="dep-zoom-value" aria-live="polite" aria-label="Zoom level">
          {Math.round(zoom * 100)}%
        </output>
        <button
          type="button"
          aria-label="Zoom in"
          disabled={zoom >= (ZOOM_STEPS[ZOOM_STEPS.length - 1] ?? 1)}
          onClick={() => zoomTo(stepZoom(zoom, 1))}
        >
          +
        </button>
        <button type="button" onClick={() => zoomTo(fitZoom(layout.width, viewportWidth))}>
          Fit width
        </button>
        <button type="button" onClick={() => zoomTo(1)}>
          Actual size
        </button>
      </div>
      <section
        ref={viewport}
        className="dep-graph-viewport"
        aria-label={label}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be focusable to pan it with the keys
        tabIndex={0}
        onPointerDown={startDrag}
        onPointerMove={moveDrag}
        onPointerUp={endDrag}
        onPointerCancel={endDrag}
      >
        <svg
          className="dep-graph-svg"
          width={Math.ceil(layout.width * zoom)}
          height={Math.ceil(layout.height * zoom)}
          viewBox={`0 0 ${layout.width} ${layout.height}`}
        >
          <title>{label}</title>
          <defs>
            <marker
              id="dep-arrow"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="9"
              markerHeight="9"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="dep-arrowhead" />
            </marker>
            <marker
              id="dep-arrow-critical"
              viewBox="0 0 10 10"
              refX="9"
              refY="5"
              markerUnits="userSpaceOnUse"
              markerWidth="12"
              markerHeight="12"
              orient="auto"
            >
              <path d="M0,0 L10,5 L0,10 z" className="dep-arrowhead is-critical" />
            </marker>
          </defs>
          <g>
            {edges.map((edge) => (
              <path
                key={`${edge.from}→${edge.to}`}
                d={edge.path}
                className={`dep-edge dep-edge-${edge.kind}${edge.critical ? ' is-critical' : ''}`}
                markerEnd={edge.critical ? 'url(#dep-arrow-critical)' : 'url(#dep-arrow)'}
              />
            ))}
          </g>
          <g>
            {nodes.map((placed) => (
              <GraphNode key={placed.node.id} placed={placed} background={background} />
            ))}
          </g>
        </svg>
      </section>
    </div>
  );
}

/** Where the eye starts: the first box of the critical path, else the leftmost box. */
function startOf(layout: GraphLayout): PlacedNode | undefined {
  let first: PlacedNode | undefined;
  let critical: PlacedNode | undefined;
  for (const placed of layout.nodes) {
    if (!first || placed.x < first.x || (placed.x === first.x && placed.y < first.y)) first = placed;
    const onPath = placed.node.kind === 'item' && placed.node.onCriticalPath;
    if (onPath && (!critical || placed.x < critical.x)) critical = placed;
  }
  return critical ?? first;
}

/**
 * One box of the dependency map, drawn in SVG: an item is a rectangle with its status colour (a link that
 * opens the item panel, reached by Tab and opened by Enter), an initiative a pill, an external dependency
 * a slanted box. Colour is never the only signal: blocked, critical and overdue are written in the box too.
 */
import { memo, type ReactNode } from 'react';
import { Link, type Location } from 'react-router';
import type { GraphNodeT } from '../../api/analysis.ts';
import { paths } from '../../routes.ts';
import type { PlacedNode } from './graph-geometry.ts';
import {
  clipText,
  externalLine,
  type ItemBoxText,
  itemBoxName,
  itemBoxText,
  nodeDescription,
} from './map-text.ts';

const PAD = 12;
/** Characters of a title that fit a box at 12px (an average glyph is about 6.4px wide). */
const TITLE_CHARS = 32;

type ItemNode = Extract<GraphNodeT, { kind: 'item' }>;

export const GraphNode = memo(function GraphNode({
  placed,
  background,
}: {
  placed: PlacedNode;
  background: Location;
}) {
  const { node, x, y, width, height } = placed;
  const transform = `translate(${x},${y})`;
  const description = nodeDescription(node);
  if (node.kind === 'item') {
    const text = itemBoxText(node, TITLE_CHARS);
    const box = <ItemBox node={node} text={text} width={width} height={height} />;
    if (!node.key) {
      // An item of another product the reader may not see: nothing to open.
      return (
        <Shape transform={transform} className={itemClass(node)} label={description}>
          {box}
        </Shape>
      );
    }
    return (
      <g transform={transform}>
        <Link
          to={paths.item(node.key)}
          state={{ background }}
          className={itemClass(node)}
          aria-label={itemBoxName(text)}
        >
          <desc>{description}</desc>
          {box}
        </Link>
      </g>
    );
  }
  if (node.kind === 'initiative') {
    return (
      <Shape
        transform={transform}
        className={`dep-node dep-initiative${node.waitingOnOverdue ? ' is-overdue' : ''}`}
        label={description}
      >
        <title>{description}</title>
        <rect className="dep-shape" width={width} height={height} rx={height / 2} />
        <text x={PAD + 8} y={19} className="dep-kicker">
          Initiative{node.waitingOnOverdue ? ' · ⚠ overdue wait' : ''}
        </text>
        <text x={PAD + 8} y={37} className="dep-title">
          {clipText(node.title, TITLE_CHARS - 4)}
        </text>
      </Shape>
    );
  }
  const slant = 10;
  return (
    <Shape
      transform={transform}
      className={`dep-node dep-external${node.overdue ? ' is-overdue' : ''}${node.met ? ' is-met' : ''}`}
      label={description}
    >
      <title>{description}</title>
      <polygon
        className="dep-shape"
        points={`${slant},0 ${width},0 ${width - slant},${height} 0,${height}`}
      />
      <text x={PAD + 4} y={18} className="dep-kicker">
        {node.overdue ? '⚠ Overdue external' : 'External'}
      </text>
      <text x={PAD + 2} y={36} className="dep-title">
        {clipText(node.title, TITLE_CHARS - 4)}
      </text>
      <text x={PAD} y={52} className="dep-meta">
        {clipText(externalLine(node), TITLE_CHARS)}
      </text>
    </Shape>
  );
});

/** A shape that opens nothing, named as one image for assistive technology. */
function Shape(props: { transform: string; className: string; label: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noInteractiveElementToNoninteractiveRole: an SVG group is not interactive; img names the shape
    <g transform={props.transform} className={props.className} role="img" aria-label={props.label}>
      {props.children}
    </g>
  );
}

function itemClass(node: ItemNode): string {
  let name = 'dep-node dep-item';
  if (node.blocked) name += ' is-blocked';
  if (node.onCriticalPath) name += ' is-critical';
  if (node.foreign) name += ' is-foreign';
  return name;
}

function ItemBox(props: { node: ItemNode; text: ItemBoxText; width: number; height: number }) {
  const { node, text, width, height } = props;
  // Each line ends in a space: the text of the box read as one string keeps its words apart.
  return (
    <>
      <rect className="dep-shape" width={width} height={height} rx={6} />
      <rect
        className="dep-status-bar"
        width={5}
        height={height}
        rx={2}
        style={{ fill: node.status ? `var(--status-${node.status})` : 'var(--border-strong)' }}
      />
      <text x={PAD} y={18} className="dep-kicker">
        <tspan className="dep-key">{text.key}</tspan>
        {text.status && <tspan dx={6}>{` ${text.status}`}</tspan>}{' '}
      </text>
      <text x={PAD} y={36} className="dep-title">
        {`${text.title} `}
      </text>
      {text.flags && (
        <text x={PAD} y={54} className="dep-meta">
          {`${text.flags} `}
        </text>
      )}
    </>
  );
}

/**
 * A chart as a standalone SVG file: an XML header, a white background, the title and the legend drawn in
 * (on screen they are HTML around the chart), then the chart itself. Pure string building.
 */
import type { LegendEntry } from './legend.ts';

const HEADER_HEIGHT = 58;
const FONT = 'Helvetica, Arial, sans-serif';

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function swatch(entry: LegendEntry, x: number, y: number): string {
  const color = escapeXml(entry.color);
  switch (entry.mark) {
    case 'line':
      return `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${color}" stroke-width="3"/>`;
    case 'dashed':
      return `<line x1="${x}" y1="${y}" x2="${x + 18}" y2="${y}" stroke="${color}" stroke-width="2" stroke-dasharray="5 3"/>`;
    case 'bar':
      return `<rect x="${x + 3}" y="${y - 6}" width="12" height="12" fill="${color}"/>`;
    case 'area':
      return `<rect x="${x}" y="${y - 6}" width="18" height="12" fill="${color}" fill-opacity="0.85"/>`;
  }
}

/** The legend as one row of swatches and labels; widths are estimated from the text length. */
export function legendSvg(entries: readonly LegendEntry[], top: number): string {
  let x = 12;
  const parts: string[] = [];
  for (const entry of entries) {
    parts.push(swatch(entry, x, top));
    parts.push(
      `<text x="${x + 24}" y="${top + 4}" font-family="${FONT}" font-size="12" fill="#334155">${escapeXml(entry.label)}</text>`,
    );
    x += 24 + entry.label.length * 7 + 18;
  }
  return parts.join('');
}

export interface SvgDocumentInput {
  title: string;
  legend: readonly LegendEntry[];
  width: number;
  height: number;
  /** The chart's own <svg> element, serialized; placed below the header. */
  chart: string;
}

export function svgDocument(input: SvgDocumentInput): string {
  const width = Math.round(input.width);
  const height = Math.round(input.height) + HEADER_HEIGHT;
  // The chart's root <svg> keeps its own size; x/y place it under the header.
  const chart = input.chart.replace(/^<svg\b/, `<svg x="0" y="${HEADER_HEIGHT}"`);
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect x="0" y="0" width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="12" y="22" font-family="${FONT}" font-size="15" font-weight="bold" fill="#0f172a">${escapeXml(input.title)}</text>`,
    legendSvg(input.legend, 42),
    chart,
    '</svg>\n',
  ].join('');
}

export const SVG_HEADER_HEIGHT = HEADER_HEIGHT;

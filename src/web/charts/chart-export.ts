/**
 * Downloads of a chart as drawn: SVG (every presentation property resolved to a concrete value, since CSS
 * variables and the page's style sheets do not travel with the file) and PNG (that SVG drawn at 2× onto a
 * canvas through a blob: URL image, which the CSP allows).
 */
import type { LegendEntry } from './legend.ts';
import { SVG_HEADER_HEIGHT, svgDocument } from './svg-document.ts';

/** The properties that decide how an SVG element looks, copied from the computed style to attributes. */
const PROPERTIES = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'stroke-opacity',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'visibility',
] as const;

/** Attributes that only matter on the page (focus, classes for its style sheets, inline CSS). */
const PAGE_ONLY = ['class', 'style', 'tabindex', 'role', 'focusable'];

export interface ChartFile {
  svg: string;
  width: number;
  height: number;
}

/** The chart's <svg> as a standalone SVG document with the title and legend drawn in. */
export function chartSvgFile(svg: SVGSVGElement, title: string, legend: readonly LegendEntry[]): ChartFile {
  const box = svg.getBoundingClientRect();
  const width = Math.round(box.width || svg.width.baseVal.value);
  const height = Math.round(box.height || svg.height.baseVal.value);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, index) => {
    const copy = copies[index];
    if (!copy) return;
    const style = getComputedStyle(original);
    if (style.display === 'none') copy.setAttribute('display', 'none');
    for (const property of PROPERTIES) {
      const value = style.getPropertyValue(property);
      if (value) copy.setAttribute(property, value);
    }
    for (const attribute of PAGE_ONLY) copy.removeAttribute(attribute);
  });
  clone.setAttribute('width', String(width));
  clone.setAttribute('height', String(height));
  clone.setAttribute('viewBox', `0 0 ${width} ${height}`);
  const chart = new XMLSerializer().serializeToString(clone);
  return {
    svg: svgDocument({ title, legend, width, height, chart }),
    width,
    height: height + SVG_HEADER_HEIGHT,
  };
}

/** Draws the SVG onto a canvas at `scale` times its size, on white, and encodes it as PNG. */
export async function pngFromSvg(file: ChartFile, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([file.svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image(file.width, file.height);
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(file.width * scale);
    canvas.height = Math.round(file.height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the chart into an image.');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (blob) => (blob ? resolve(blob) : reject(new Error('The PNG could not be encoded.'))),
        'image/png',
      ),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob as a file through a temporary download link. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the link; the URL may go once the browser has read it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

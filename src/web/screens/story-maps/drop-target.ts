/**
 * Where a story would land, read from the DOM: the cell under a point and the index among its cards, and
 * the drop indicator's place. Only the cell under the pointer is measured (a handful of cards), so a
 * drag costs the same on a map of 500 stories as on one of five.
 */
import type { CellTarget } from './map-layout.ts';

export function cellElement(board: HTMLElement, stepId: string, sliceId: string | null): HTMLElement | null {
  return board.querySelector<HTMLElement>(
    `[data-cell][data-step="${stepId}"][data-slice="${sliceId ?? ''}"]`,
  );
}

function cardsIn(cell: HTMLElement, movingId: string): HTMLElement[] {
  return [...cell.querySelectorAll<HTMLElement>('[data-item]')].filter((el) => el.dataset.item !== movingId);
}

/** The cell at a point and the index a drop there would take; null outside every cell. */
export function targetAt(
  x: number,
  y: number,
  movingId: string,
): { cell: HTMLElement; target: CellTarget } | null {
  const cell = document.elementFromPoint(x, y)?.closest<HTMLElement>('[data-cell]');
  const stepId = cell?.dataset.step;
  if (!cell || !stepId) return null;
  const cards = cardsIn(cell, movingId);
  let index = cards.length;
  for (let i = 0; i < cards.length; i++) {
    const rect = cards[i]?.getBoundingClientRect();
    if (rect && y < rect.top + rect.height / 2) {
      index = i;
      break;
    }
  }
  return { cell, target: { stepId, sliceId: cell.dataset.slice || null, index } };
}

/** Shows the indicator line where `index` falls in `cell` (fixed position, moved by transform only). */
export function showIndicator(
  indicator: HTMLElement,
  cell: HTMLElement,
  index: number,
  movingId: string,
): void {
  const cards = cardsIn(cell, movingId);
  const box = cell.getBoundingClientRect();
  const before = cards[index]?.getBoundingClientRect();
  const after = cards[index - 1]?.getBoundingClientRect();
  const top = before ? before.top - 3 : after ? after.bottom + 1 : box.top + 4;
  indicator.style.width = `${box.width - 8}px`;
  indicator.style.transform = `translate(${box.left + 4}px, ${top}px)`;
  indicator.hidden = false;
}

export function hideIndicator(indicator: HTMLElement | null): void {
  if (indicator) indicator.hidden = true;
}

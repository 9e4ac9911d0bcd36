/**
 * The first paint of a user story map (see first-paint-html.ts): the screen's header, the editors' tools
 * as they look at rest, the backbone and the cards of the first columns band by band, each slice's line
 * with its figures, and the gaps. The same elements and classes as the app's board
 * (web/screens/story-maps/story-map-board.tsx, story-card.tsx, gaps-panel.tsx), but the board places its
 * boxes with inline styles, which the CSP forbids here: the boxes sit in rows instead, sized by the
 * classes of story-maps.css (`.sm-canvas-static`, `.sm-fp-span-N`, `.sm-fp-cards-N`) to the same pixels.
 */

import { LIMITS } from '../schemas/limits.ts';
import type { StoryMap } from '../schemas/story-map.ts';
import { escapeHtml as esc } from './markdown/escape-html.ts';

type Card = StoryMap['cards'][number];
type Figures = StoryMap['unplanned'];

/** Columns drawn (2,064 px): more than a 1,920 px window shows (the app draws the rest as it scrolls). */
export const FIRST_PAINT_MAP_COLUMNS = 12;
/** Cards drawn in one cell, and the tallest band the classes size: taller than a screen already. */
export const FIRST_PAINT_CELL_CARDS = 12;
/** Bands start above this many pixels from the board's top: a screenful of a tall window. */
const FIRST_PAINT_MAP_HEIGHT = 1000;
/** Entries each gaps list shows, as the app's panel (gaps-panel.tsx). */
const SHOWN_GAPS = 50;
/** The board's geometry in pixels (web/screens/story-maps/map-layout.ts GEOMETRY): the bands' tops. */
const HEADER = 34;
const GAP = 4;
const LINE = 30;
const CARD = 74;
const PADDING = 4;

const STATUS_TEXT: Record<Card['status'], string> = {
  backlog: 'Backlog',
  ready: 'Ready',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  wont_do: "Won't do",
};

/** One column: a step, or the placeholder of an activity with no step yet (map-layout.ts columnsOf). */
interface Column {
  activityId: string;
  step: { id: string; title: string } | null;
}

function columnsOf(map: StoryMap): Column[] {
  const byActivity = new Map<string, StoryMap['steps']>();
  for (const step of map.steps) {
    const list = byActivity.get(step.activityId);
    if (list) list.push(step);
    else byActivity.set(step.activityId, [step]);
  }
  const result: Column[] = [];
  for (const activity of map.activities) {
    const steps = byActivity.get(activity.id) ?? [];
    if (steps.length === 0) result.push({ activityId: activity.id, step: null });
    for (const step of steps) result.push({ activityId: activity.id, step });
  }
  return result;
}

const cellKey = (stepId: string, sliceId: string | null) => `${stepId}|${sliceId ?? ''}`;

function doneText(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)}% done`;
}

/** A title as the app's EditableTitle shows it at rest: a button for editors, text for viewers. */
function title(text: string, what: string, canEdit: boolean): string {
  return canEdit
    ? `<button type="button" class="sm-title sm-title-button" title="Rename this ${what}">${esc(text)}</button>`
    : `<span class="sm-title">${esc(text)}</span>`;
}

const button = (text: string, label: string, disabled = false) =>
  `<button type="button" aria-label="${esc(label)}"${disabled ? ' disabled' : ''}>${text}</button>`;

function card(c: Card): string {
  const points = c.estimate !== null ? `<span class="sm-card-points">${c.estimate} pts</span>` : '';
  return (
    `<li><button type="button" class="sm-card sm-type-${c.type} sm-status-${c.status}${c.trashed ? ' sm-trashed' : ''}" data-item="${esc(c.itemId)}">` +
    `<span class="sm-card-key">${esc(c.key)}</span><span class="sm-card-title">${esc(c.title)}</span>` +
    `<span class="sm-card-meta">${points}<span class="sm-card-status">${STATUS_TEXT[c.status]}</span>` +
    `${c.trashed ? '<span class="sm-card-flag">In trash</span>' : ''}</span></button></li>`
  );
}

function sliceLine(
  slice: StoryMap['slices'][number] | null,
  figures: Figures,
  first: boolean,
  last: boolean,
  canEdit: boolean,
) {
  const name = slice ? title(slice.name, 'slice', canEdit) : '<span class="sm-title">Unplanned</span>';
  const target = slice
    ? `<span class="sm-line-target">${slice.releaseId ? 'Release' : 'Sprint'} ${esc(slice.targetName ?? '(in the trash)')}</span>`
    : '';
  const tools =
    slice && canEdit
      ? `<span class="sm-line-tools">${button('↑', `Move slice ${slice.name} up`, first)}${button(
          '↓',
          `Move slice ${slice.name} down`,
          last,
        )}${button('×', `Remove slice ${slice.name}`)}</span>`
      : '';
  return (
    `<div class="sm-line-row"><div class="sm-line${slice ? '' : ' sm-line-unplanned'}"><div class="sm-line-label">` +
    `${name}${target}<span class="sm-line-figures">${figures.points} pts · ${figures.items} ${
      figures.items === 1 ? 'item' : 'items'
    } · ${doneText(figures.doneShare)}</span>${tools}</div></div></div>`
  );
}

/** The board: the backbone over the first columns, then each band's line and cells, top down. */
function board(map: StoryMap, canEdit: boolean): string {
  const columns = columnsOf(map);
  const shown = columns.slice(0, FIRST_PAINT_MAP_COLUMNS);
  const cells = new Map<string, Card[]>();
  for (const c of map.cards) {
    const key = cellKey(c.stepId, c.sliceId);
    const list = cells.get(key);
    if (list) list.push(c);
    else cells.set(key, [c]);
  }

  // Activity headers over the columns drawn, each spanning its steps there.
  const activities: string[] = [];
  let start = 0;
  for (const [index, activity] of map.activities.entries()) {
    if (start >= shown.length) break;
    const span = Math.max(1, columns.filter((c) => c.activityId === activity.id).length);
    const drawn = Math.min(span, shown.length - start);
    const tools = canEdit
      ? `<span class="sm-tools"><button type="button" aria-label="Add a step to ${esc(activity.title)}">+ step</button>${button(
          '←',
          `Move ${activity.title} left`,
          index === 0,
        )}${button('→', `Move ${activity.title} right`, index === map.activities.length - 1)}${button(
          '×',
          `Remove ${activity.title}`,
        )}</span>`
      : '';
    activities.push(
      `<div class="sm-activity sm-fp-span-${drawn}">${title(activity.title, 'activity', canEdit)}${tools}</div>`,
    );
    start += span;
  }
  const steps = shown.map(({ step }) =>
    step
      ? `<div class="sm-step">${title(step.title, 'step', canEdit)}${
          canEdit
            ? `<button type="button" class="sm-step-remove" aria-label="Remove step ${esc(step.title)}">×</button>`
            : ''
        }</div>`
      : '<div class="sm-step sm-step-empty">No steps yet</div>',
  );

  // Each band as tall as its fullest cell over the whole map (map-layout.ts bandGeometry), down to a
  // screenful: the app sizes the bands by every column, drawn or not.
  const bands: string[] = [];
  let top = 2 * (HEADER + GAP);
  const bandIds = [...map.slices.map((s) => s.id), null];
  for (const [index, sliceId] of bandIds.entries()) {
    if (top > FIRST_PAINT_MAP_HEIGHT) break;
    let most = 0;
    for (const column of columns) {
      if (column.step) most = Math.max(most, cells.get(cellKey(column.step.id, sliceId))?.length ?? 0);
    }
    const rows = Math.min(Math.max(1, most), FIRST_PAINT_CELL_CARDS);
    const slice = map.slices.find((s) => s.id === sliceId) ?? null;
    const sliceName = slice ? slice.name : 'unplanned';
    const boxes = shown.map(({ step }) => {
      if (!step) return '<div class="sm-fp-empty"></div>';
      const drawn = (cells.get(cellKey(step.id, sliceId)) ?? []).slice(0, FIRST_PAINT_CELL_CARDS);
      return `<div class="sm-cell-box sm-fp-cards-${rows}"><ul class="sm-cell" aria-label="${esc(
        `${step.title}, ${sliceName}`,
      )}">${drawn.map(card).join('')}</ul></div>`;
    });
    bands.push(
      `<div class="sm-fp-band">${sliceLine(slice, slice?.figures ?? map.unplanned, index === 0, index === map.slices.length - 1, canEdit)}` +
        `<div class="sm-fp-row">${boxes.join('')}</div></div>`,
    );
    top += LINE + Math.max(1, most) * CARD + 2 * PADDING + GAP;
  }
  return (
    '<div class="sm-board"><div class="sm-canvas sm-canvas-static">' +
    `<div class="sm-fp-row">${activities.join('')}</div><div class="sm-fp-row">${steps.join('')}</div>` +
    `${bands.join('')}</div></div>`
  );
}

/** One list of the gaps panel: its first entries, and how many more there are. */
function gapList(heading: string, total: number, shown: string[], intro = '', outro = ''): string {
  if (total === 0) return '';
  const items = shown.map((text) => `<li>${esc(text)}</li>`).join('');
  const more = total > SHOWN_GAPS ? `<p class="hint">…and ${total - SHOWN_GAPS} more.</p>` : '';
  return `<section><h3>${heading}</h3>${intro}<ul>${items}</ul>${more}${outro}</section>`;
}

/** The gaps panel as the app's (gaps-panel.tsx). */
function gapsPanel(map: StoryMap): string {
  const { gaps } = map;
  const steps = new Map(map.steps.map((s) => [s.id, s.title]));
  const cards = new Map(map.cards.map((c) => [c.itemId, c]));
  const none = gaps.skeletonSteps.length + gaps.trashedItems.length + gaps.unmappedItems.length === 0;
  return (
    '<aside class="sm-gaps" aria-label="Gaps"><h2>Gaps</h2>' +
    (none ? '<p class="hint">No gaps: every step has a story in the first slice.</p>' : '') +
    gapList(
      'Walking skeleton incomplete',
      gaps.skeletonSteps.length,
      gaps.skeletonSteps.slice(0, SHOWN_GAPS).map((id) => steps.get(id) ?? ''),
      '<p class="hint">No story of the first slice under these steps:</p>',
    ) +
    gapList(
      'No longer in the backlog',
      gaps.trashedItems.length,
      gaps.trashedItems.slice(0, SHOWN_GAPS).map((id) => {
        const c = cards.get(id);
        return `${c?.key ?? ''} ${c?.title ?? ''}`;
      }),
    ) +
    gapList(
      'Initiative items on no map',
      gaps.unmappedItems.length,
      gaps.unmappedItems.slice(0, SHOWN_GAPS).map((i) => `${i.key} ${i.title}`),
      '',
      gaps.unmappedTruncated
        ? '<p class="hint">Only the first items of the initiative were checked.</p>'
        : '',
    ) +
    '</aside>'
  );
}

/** The editors' tools above the map (map-editors.tsx MapToolbar) as they look before anything is typed. */
function toolbar(map: StoryMap): string {
  const addActivity =
    map.activities.length < LIMITS.storyMapActivities
      ? '<div class="inline-add"><input aria-label="New activity" placeholder="New activity…">' +
        '<button type="submit" disabled>Add activity</button></div>'
      : '';
  const full = map.slices.length >= LIMITS.storyMapSlices;
  return (
    `<div class="sm-toolbar">${addActivity}<div class="sm-slice-form">` +
    `<input aria-label="New slice" placeholder="New slice…"${full ? ' disabled' : ''}>` +
    '<select aria-label="Slice line"><option value="">Release or sprint…</option></select>' +
    '<button type="submit" disabled>Add slice</button></div>' +
    `<button type="button"${map.steps.length === 0 ? ' disabled' : ''}>Place stories…</button></div>`
  );
}

const HELP =
  'Drag a card, or focus it and press Space: arrows move it (left and right: step; up and down: place ' +
  'and slice), Space drops, Escape cancels. Moving a story across a slice line changes its release or sprint.';

/** The map's screen as the app draws it (story-map-screen.tsx), read-only. */
export function storyMapScreen(map: StoryMap, productKey: string, canEdit: boolean): string {
  const counts = `${map.cards.length} stories · ${map.activities.length} activities · ${map.steps.length} steps`;
  return (
    '<main class="screen story-map-screen"><header class="sm-header">' +
    `<a href="/p/${encodeURIComponent(productKey)}/story-maps">Story maps</a><h1>${esc(map.name)}</h1>` +
    `<span class="hint">${counts}</span></header>` +
    (canEdit ? toolbar(map) : '') +
    (canEdit && map.cards.length > 0 ? `<p class="hint sm-help">${HELP}</p>` : '') +
    `<div class="sm-layout">${board(map, canEdit)}${gapsPanel(map)}</div></main>`
  );
}

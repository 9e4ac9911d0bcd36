/**
 * The first paint of a page: the screen an address opens on (the backlog's first rows, an item's panel,
 * the roadmap board, a story map: first-paint-story-map.ts), written by the server into the HTML it
 * sends, so a reader sees the content as soon as the page and its stylesheet are in, as with a
 * server-rendered page, while the app's code downloads and starts. The app takes over as soon as it
 * has drawn the same screen (src/web/boot/first-paint.ts).
 *
 * Static and read-only: the same classes as the app's screens (so it looks the same), no script, no inline
 * style (the CSP forbids both), every text escaped, Markdown through the one sanitising renderer. It shows
 * only what the reader's own API reads would show them (see services/first-paint/load-first-paint.ts).
 */
import type { z } from 'zod';
import type { Initiative as InitiativeSchema } from '../schemas/initiative.ts';
import type { BacklogItem as BacklogItemSchema } from '../schemas/item.ts';
import type { Theme as ThemeSchema } from '../schemas/product.ts';
import type { StoryMap } from '../schemas/story-map.ts';
import { storyMapScreen } from './first-paint-story-map.ts';
import { escapeHtml as esc } from './markdown/escape-html.ts';
import { renderMarkdown } from './markdown/render-markdown.ts';
import {
  CONFIDENCE_LABELS,
  HORIZON_HINTS,
  HORIZON_LABELS,
  INITIATIVE_STATUS_LABELS,
  STATUS_LABELS,
  TYPE_LABELS,
  TYPE_MARKS,
} from './plan-labels.ts';
import type { Item } from './planning.ts';
import { themeLanes } from './theme-lanes.ts';

type Initiative = z.infer<typeof InitiativeSchema>;
type BacklogItem = z.infer<typeof BacklogItemSchema>;
type Theme = z.infer<typeof ThemeSchema>;

type BacklogRow = Pick<
  BacklogItem,
  'key' | 'type' | 'title' | 'status' | 'estimate' | 'labels' | 'initiativeId' | 'assigneeId'
>;

export interface FirstPaintProduct {
  key: string;
  name: string;
}

export type FirstPaint =
  | {
      screen: 'backlog';
      product: FirstPaintProduct;
      rows: BacklogRow[];
      initiativeTitles: ReadonlyMap<string, string>;
      assigneeNames: ReadonlyMap<string, string>;
    }
  | { screen: 'item'; product: FirstPaintProduct; item: Item }
  | { screen: 'roadmap'; product: FirstPaintProduct; themes: Theme[]; initiatives: Initiative[] }
  | { screen: 'story-map'; product: FirstPaintProduct; map: StoryMap; canEdit: boolean };

/** What the app draws that replaces each first paint: once it is in the page, the first paint goes. */
export const FIRST_PAINT_REPLACED_BY: Record<FirstPaint['screen'], string> = {
  backlog: '.backlog-body [data-item-key]',
  item: '.item-panel .item-detail',
  roadmap: '.board [data-initiative-id]',
  // The app's board carries its column pitch (the first paint's does not); an empty map says so instead.
  'story-map': '.sm-board[data-pitch], .sm-empty',
};

/** As many rows as the tallest common screen shows: the app draws the rest. */
export const FIRST_PAINT_ROWS = 40;
/** As many roadmap cards, lane by lane from the top: the lanes below them are the app's to draw. */
export const FIRST_PAINT_CARDS = 60;
export const FIRST_PAINT_LANES = 12;
const SHOWN_LABELS = 2;

/**
 * The header's links as the app draws them for a product of the full process profile (the default; a
 * light product's app reorders them once it has read its profile): each link's path under the product, its
 * label, and the first-paint screens it is the current entry for.
 */
const VIEWS: [path: string, label: string, current: string[]][] = [
  ['', 'Home', []],
  ['roadmap', 'Roadmap', ['roadmap']],
  ['sprints', 'Sprints', []],
  ['backlog', 'Backlog', ['backlog']],
  ['board', 'Board', []],
  ['timeline', 'Timeline', []],
  ['releases', 'Releases', []],
  ['vision', 'Docs', ['story-map']],
  ['health', 'Insights', []],
];

function header(product: FirstPaintProduct, current: string): string {
  const key = encodeURIComponent(product.key);
  const views = VIEWS.map(([path, label, screens]) => {
    const href = path ? `/p/${key}/${path}` : `/p/${key}`;
    return screens.includes(current)
      ? `<a href="${href}" class="active" aria-current="page">${label}</a>`
      : `<a href="${href}">${label}</a>`;
  }).join('');
  return (
    '<header class="app-header"><a href="/" class="brand"><img src="/favicon.svg" alt="" width="22" height="22"> ' +
    '<span class="brand-name">Cairn</span></a>' +
    `<span class="product-switcher first-paint-product">${esc(product.name)} (${esc(product.key)})</span>` +
    `<nav class="views">${views}</nav></header>`
  );
}

const typeBadge = (type: BacklogRow['type']) =>
  `<span class="type-badge type-${type}" title="${TYPE_LABELS[type]}">${TYPE_MARKS[type]}</span>`;

const statusChip = (status: BacklogRow['status']) =>
  `<span class="status-chip" data-status="${status}">${STATUS_LABELS[status]}</span>`;

function initials(name: string): string {
  return name
    .split(/\s+/, 3)
    .map((part) => part.charAt(0))
    .join('')
    .slice(0, 2)
    .toUpperCase();
}

function backlogRow(row: BacklogRow, paint: Extract<FirstPaint, { screen: 'backlog' }>): string {
  const labels = row.labels
    .slice(0, SHOWN_LABELS)
    .map((label) => `<span class="label-chip">${esc(label)}</span>`)
    .join('');
  const more =
    row.labels.length > SHOWN_LABELS
      ? `<span class="label-more">+${row.labels.length - SHOWN_LABELS}</span>`
      : '';
  const initiative = row.initiativeId ? (paint.initiativeTitles.get(row.initiativeId) ?? '') : '';
  const assignee = row.assigneeId ? paint.assigneeNames.get(row.assigneeId) : undefined;
  return (
    `<tr class="backlog-row" data-item-key="${esc(row.key)}">` +
    '<td class="cell-select"></td><td class="cell-handle"></td>' +
    `<td class="cell-type">${typeBadge(row.type)}</td>` +
    `<td class="cell-key key">${esc(row.key)}</td>` +
    `<td class="cell-title"><span class="title-text">${esc(row.title)}</span></td>` +
    `<td class="cell-labels">${labels}${more}</td>` +
    `<td class="cell-initiative">${esc(initiative)}</td>` +
    `<td class="cell-status">${statusChip(row.status)}</td>` +
    `<td class="cell-estimate">${row.estimate ?? ''}</td>` +
    `<td class="cell-assignee">${assignee ? `<span class="assignee" title="${esc(assignee)}">${esc(initials(assignee))}</span>` : ''}</td>` +
    '</tr>'
  );
}

function backlogScreen(paint: Extract<FirstPaint, { screen: 'backlog' }>): string {
  const head =
    '<thead class="backlog-head"><tr class="backlog-row head-row"><th class="cell-select"></th>' +
    '<th class="cell-handle"></th><th class="cell-type"></th><th>Key</th><th>Title</th>' +
    '<th class="cell-labels">Labels</th><th>Initiative</th><th>Status</th>' +
    '<th class="cell-estimate">Points</th><th class="cell-assignee"></th></tr></thead>';
  const rows = paint.rows.map((row) => backlogRow(row, paint)).join('');
  return (
    '<main class="backlog-screen"><div class="backlog-top"><h1 class="backlog-title">Backlog</h1></div>' +
    `<div class="backlog-scroll"><table class="backlog-grid">${head}<tbody class="backlog-body">${rows}</tbody></table></div></main>`
  );
}

function itemPanel(item: Item): string {
  const story = item.story
    ? `<section class="item-section"><div class="section-heading"><h3>User story</h3></div><p class="story">As a <strong>${esc(
        item.story.asA,
      )}</strong>, I want <strong>${esc(item.story.iWant)}</strong>${
        item.story.soThat ? `, so that <strong>${esc(item.story.soThat)}</strong>` : ''
      }.</p></section>`
    : '';
  const description = item.description
    ? `<section class="item-section"><div class="section-heading"><h3>Description</h3></div><div class="markdown item-description">${renderMarkdown(item.description)}</div></section>`
    : '';
  const criteria = item.acceptanceCriteria.length
    ? `<section class="item-section"><div class="section-heading"><h3>Acceptance criteria</h3><span class="hint">${
        item.acceptanceCriteria.filter((c) => c.done).length
      } of ${item.acceptanceCriteria.length} done</span></div><ol class="criteria">${item.acceptanceCriteria
        .map(
          (c) =>
            `<li class="${c.done ? 'criterion done' : 'criterion'}">${c.done ? '☑' : '☐'} ${esc(c.text)}</li>`,
        )
        .join('')}</ol></section>`
    : '';
  return (
    `<aside class="side-panel item-panel"><div class="item-detail"><header class="item-header"><div class="item-header-row">` +
    `${typeBadge(item.type)}<h2 class="item-key">${esc(item.key)}</h2></div>` +
    `<p class="item-title first-paint-title">${esc(item.title)}</p></header>` +
    `<p class="item-preview-status">${statusChip(item.status)}${
      item.estimate === null ? '' : ` <span class="hint">${item.estimate} points</span>`
    }</p>${story}${description}${criteria}</div></aside>`
  );
}

// One formatter for every card (as the app's formatDay, but in one fixed locale: the server knows no reader's).
const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

function formatDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  if (!year || !month || !day) return date;
  return dayFormat.format(new Date(Date.UTC(year, month - 1, day)));
}

function initiativeCard(initiative: Initiative): string {
  const date = initiative.targetDate
    ? `<span class="card-date">Target ${formatDay(initiative.targetDate)}</span>`
    : '';
  return (
    `<li><div class="initiative-card card-${initiative.confidence} card-status-${initiative.status}" data-initiative-id="${esc(
      initiative.id,
    )}"><span class="card-title">${esc(initiative.title)}</span><span class="card-meta">` +
    `<span class="confidence confidence-${initiative.confidence}">${CONFIDENCE_LABELS[initiative.confidence]}</span>` +
    `<span class="initiative-status initiative-status-${initiative.status}">${INITIATIVE_STATUS_LABELS[initiative.status]}</span>` +
    `${date}</span></div></li>`
  );
}

const HORIZONS = ['now', 'next', 'later'] as const;

function roadmapScreen(paint: Extract<FirstPaint, { screen: 'roadmap' }>): string {
  const lanes = themeLanes(paint.themes, paint.initiatives);
  const head = HORIZONS.map(
    (h) =>
      `<div class="board-column-head horizon-${h}"><span class="board-column-name">${HORIZON_LABELS[h]}</span><span class="hint">${HORIZON_HINTS[h]}</span></div>`,
  ).join('');
  // Lanes from the top until the cards or the lanes reach their bound (a board of hundreds of initiatives
  // or themes is drawn by the app; the page stays the size of a screenful).
  let cards = 0;
  const drawn: string[] = [];
  for (const lane of lanes) {
    if (cards >= FIRST_PAINT_CARDS || drawn.length >= FIRST_PAINT_LANES) break;
    const cells = HORIZONS.map((h) => {
      const shown = lane.initiatives.filter((i) => i.horizon === h).slice(0, FIRST_PAINT_CARDS - cards);
      cards += shown.length;
      return `<div class="board-cell"><ul class="board-cards">${shown.map(initiativeCard).join('')}</ul></div>`;
    }).join('');
    drawn.push(
      `<section class="board-lane"><h2 class="lane-title"><span class="theme-swatch"></span>${esc(lane.name)}<span class="hint">${lane.initiatives.length}</span></h2><div class="lane-cells">${cells}</div></section>`,
    );
  }
  const body = drawn.join('');
  return (
    '<main class="screen roadmap-screen"><div class="roadmap-toolbar"><h1>Roadmap</h1></div>' +
    `<div class="board"><div class="board-head">${head}</div>${body}</div></main>`
  );
}

/**
 * The first paint's element, to go after the app's #root. `inert` and hidden from assistive technology:
 * it is a picture of the screen, not the screen (the app beneath it is the one that is read and used).
 */
export function firstPaintHtml(paint: FirstPaint): string {
  const view = paint.screen === 'item' ? 'backlog' : paint.screen;
  let screen: string;
  if (paint.screen === 'backlog') screen = backlogScreen(paint);
  else if (paint.screen === 'item')
    screen = `<main class="backlog-screen"><div class="backlog-top"><h1 class="backlog-title">Backlog</h1></div></main>${itemPanel(paint.item)}`;
  else if (paint.screen === 'story-map') screen = storyMapScreen(paint.map, paint.product.key, paint.canEdit);
  else screen = roadmapScreen(paint);
  return `<div id="first-paint" class="first-paint" inert aria-hidden="true" data-replaced-by="${esc(
    FIRST_PAINT_REPLACED_BY[paint.screen],
  )}"><div class="app">${header(paint.product, view)}<div class="app-body">${screen}</div></div></div>`;
}

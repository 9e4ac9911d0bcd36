/**
 * Trello's board export (Menu → Print, export and share → Export as JSON) → an ImportBundle. Lists become
 * source statuses, cards items (in board order: by list, then by the card's `pos` — the bundle's order is
 * the rank), checklists acceptance criteria, `commentCard` actions comments. A card's external key is its
 * Trello id (stable; the shortLink in its URL can be read from the id too). Trello has no epics, sprints
 * or releases; a "(3) Title" prefix (the Scrum for Trello convention) becomes the estimate, and a label
 * named bug/spike/story sets the item's type.
 */
import { AppError } from '../services/errors.ts';
import type { ImportBundle, ImportedComment, ImportedItem, ImportProblem } from './bundle.ts';
import { splitLabels, typeFromLabels } from './columns.ts';
import { parseExportDate, parseExportTimestamp } from './dates.ts';
import { finishBundle } from './finish-bundle.ts';
import { asArray, asRecord, asText, parseJsonText } from './json-text.ts';

/** More cards than this is not one board (Trello itself caps boards far lower). */
export const MAX_TRELLO_CARDS = 200_000;

/** Parses the text of a Trello board JSON export. */
export function parseTrelloJson(text: string): ImportBundle {
  const board = asRecord(parseJsonText(text, 'Trello export'));
  if (!board || !Array.isArray(board.cards) || !Array.isArray(board.lists)) {
    throw new AppError(
      'invalid_import',
      'line 1: this is not a Trello board export (no "cards" and "lists")',
      {
        line: 1,
      },
    );
  }
  const cards = board.cards.map(asRecord);
  if (cards.length > MAX_TRELLO_CARDS) {
    throw new AppError('invalid_import', `line 1: the board has more than ${MAX_TRELLO_CARDS} cards`, {
      line: 1,
    });
  }
  const lists = new Map<string, { name: string; closed: boolean; order: number }>();
  board.lists
    .map(asRecord)
    .filter((list) => list !== null)
    .map((list, index) => ({ list, index, pos: numberOr(list.pos, index) }))
    .sort((a, b) => a.pos - b.pos || a.index - b.index)
    .forEach(({ list }, order) => {
      lists.set(asText(list.id), {
        name: asText(list.name).trim() || 'Untitled list',
        closed: list.closed === true,
        order,
      });
    });
  const criteria = criteriaByCard(asArray(board.checklists));
  const comments = commentsByCard(asArray(board.actions));

  const skipped: ImportProblem[] = [];
  const placed: { item: ImportedItem; order: number; pos: number; index: number }[] = [];
  cards.forEach((card, index) => {
    if (!card) {
      skipped.push({ line: null, externalKey: null, reason: `card ${index + 1} is not an object` });
      return;
    }
    const id = asText(card.id);
    const rawName = asText(card.name).trim();
    const list = lists.get(asText(card.idList));
    const problem = !id
      ? 'no card id'
      : !rawName
        ? 'no card name'
        : card.closed === true
          ? 'archived card'
          : !list
            ? 'its list is not in the export'
            : list.closed
              ? `its list "${list.name}" is archived`
              : null;
    if (problem || !list) {
      skipped.push({
        line: null,
        externalKey: id || null,
        reason: problem ?? 'its list is not in the export',
      });
      return;
    }
    const { estimate, title } = scrumEstimate(rawName);
    const labels = splitLabels(
      asArray(card.labels).map((label) => asText(asRecord(label)?.name)),
      /,/,
    );
    placed.push({
      order: list.order,
      pos: numberOr(card.pos, index),
      index,
      item: {
        externalKey: id,
        line: null,
        type: typeFromLabels(labels),
        title,
        description: asText(card.desc),
        sourceStatus: list.name,
        acceptanceCriteria: criteria.get(id) ?? [],
        estimate,
        labels,
        initiativeKey: null,
        sprintKey: null,
        releaseKey: null,
        priority: null,
        dueDate: parseExportDate(asText(card.due)),
        createdAt: createdAtOfId(id),
        updatedAt: parseExportTimestamp(asText(card.dateLastActivity)),
        comments: comments.get(id) ?? [],
      },
    });
  });
  placed.sort((a, b) => a.order - b.order || a.pos - b.pos || a.index - b.index);

  return finishBundle('trello-json', {
    rows: cards.length,
    items: placed.map((p) => p.item),
    initiatives: [],
    sprints: [],
    releases: [],
    dependencies: [],
    skipped,
  });
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/** Checklists in their `pos` order, then their items in `pos` order; a complete item is a met criterion. */
function criteriaByCard(checklists: unknown[]): Map<string, ImportedItem['acceptanceCriteria']> {
  const byCard = new Map<string, { pos: number; items: ImportedItem['acceptanceCriteria'] }[]>();
  checklists.forEach((raw, index) => {
    const checklist = asRecord(raw);
    if (!checklist) return;
    const items = asArray(checklist.checkItems)
      .map((item, i) => ({ item: asRecord(item), i }))
      .filter((entry): entry is { item: Record<string, unknown>; i: number } => entry.item !== null)
      .sort((a, b) => numberOr(a.item.pos, a.i) - numberOr(b.item.pos, b.i))
      .map(({ item }) => ({ text: asText(item.name).trim(), done: item.state === 'complete' }))
      .filter((c) => c.text !== '');
    const card = asText(checklist.idCard);
    const list = byCard.get(card) ?? [];
    list.push({ pos: numberOr(checklist.pos, index), items });
    byCard.set(card, list);
  });
  const result = new Map<string, ImportedItem['acceptanceCriteria']>();
  for (const [card, lists] of byCard) {
    result.set(
      card,
      lists.sort((a, b) => a.pos - b.pos).flatMap((l) => l.items),
    );
  }
  return result;
}

/** `commentCard` actions per card, oldest first (Trello lists actions newest first). */
function commentsByCard(actions: unknown[]): Map<string, ImportedComment[]> {
  const byCard = new Map<string, ImportedComment[]>();
  for (const raw of actions) {
    const action = asRecord(raw);
    if (action?.type !== 'commentCard') continue;
    const data = asRecord(action.data);
    const card = asText(asRecord(data?.card)?.id);
    const body = asText(data?.text);
    if (!card || body.trim() === '') continue;
    const member = asRecord(action.memberCreator);
    const author = asText(member?.fullName) || asText(member?.username) || null;
    const list = byCard.get(card) ?? [];
    list.push({ author, at: parseExportTimestamp(asText(action.date)), body });
    byCard.set(card, list);
  }
  for (const list of byCard.values()) list.sort((a, b) => (a.at ?? '').localeCompare(b.at ?? ''));
  return byCard;
}

const SCRUM_POINTS = /^\((\d{1,4}(?:\.\d{1,2})?)\)\s*/;

function scrumEstimate(name: string): { estimate: number | null; title: string } {
  const match = SCRUM_POINTS.exec(name);
  if (!match || match[0].length === name.length) return { estimate: null, title: name };
  return { estimate: Number(match[1]), title: name.slice(match[0].length) };
}

/** A Trello id starts with the creation time in seconds, as 8 hex digits (a MongoDB ObjectId). */
function createdAtOfId(id: string): string | null {
  if (!/^[0-9a-f]{24}$/.test(id)) return null;
  const seconds = Number.parseInt(id.slice(0, 8), 16);
  return new Date(seconds * 1000).toISOString();
}

/** The dependency map and the sequencing suggestion in words: node names, moves, cycles, counts. */
import type { BacklogSequenceT, GraphNodeT } from '../../api/analysis.ts';
import { STATUS_LABELS } from '../../api/types.ts';

type Move = BacklogSequenceT['moves'][number];

/** How an item is named in a sentence: its key, or "an item" when it is not known here. */
export type KeyOf = (itemId: string) => string | null;

/** Cuts text to at most `max` characters, ending with an ellipsis when cut. */
export function clipText(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  return `${chars
    .slice(0, Math.max(0, max - 1))
    .join('')
    .trimEnd()}…`;
}

/** "3 moves", "1 move". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** Joins names as a sentence does: "A", "A and B", "A, B and C". */
export function listInWords(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const nameOf = (keyOf: KeyOf, id: string) => keyOf(id) ?? 'an item';

/** "PRJ-7 moves above PRJ-3 because it blocks PRJ-3." */
export function describeMove(move: Move, keyOf: KeyOf): string {
  const item = nameOf(keyOf, move.itemId);
  const where = move.beforeItemId
    ? `moves above ${nameOf(keyOf, move.beforeItemId)}`
    : 'moves to the end of the backlog';
  const reasons: string[] = [];
  if (move.blockedIds.length > 0)
    reasons.push(`it blocks ${listInWords(move.blockedIds.map((id) => nameOf(keyOf, id)))}`);
  if (move.blockerIds.length > 0)
    reasons.push(`it waits on ${listInWords(move.blockerIds.map((id) => nameOf(keyOf, id)))}`);
  return reasons.length === 0 ? `${item} ${where}.` : `${item} ${where} because ${reasons.join(' and ')}.`;
}

/** "PRJ-1 → PRJ-2 → PRJ-1": a cycle closed back on its first item. */
export function describeCycle(cycle: readonly string[], keyOf: KeyOf): string {
  const names = cycle.map((id) => nameOf(keyOf, id));
  const first = names[0];
  return first === undefined ? '' : [...names, first].join(' → ');
}

/** "Apply 3 moves". */
export const applyLabel = (moves: number) => `Apply ${plural(moves, 'move')}`;

/** What a screen reader hears for a box of the map (the picture says the same with colour and shape). */
export function nodeDescription(node: GraphNodeT): string {
  if (node.kind === 'initiative') {
    const overdue = node.waitingOnOverdue ? ', some of its work waits on an overdue external dependency' : '';
    return `Initiative ${node.title}${overdue}`;
  }
  if (node.kind === 'external') {
    const state = node.met ? 'met' : node.overdue ? `overdue since ${node.expectedDate}` : expected(node);
    const owner = node.owner ? `, owned by ${node.owner}` : '';
    return `External dependency ${node.title}${owner}, ${state}`;
  }
  const parts = [node.key ? `${node.key} ${node.title}` : node.title];
  if (node.status) parts.push(STATUS_LABELS[node.status]);
  if (node.estimate !== null) parts.push(plural(node.estimate, 'point'));
  if (node.foreign) parts.push('in another product');
  if (node.blocked) parts.push('blocked');
  if (node.onCriticalPath) parts.push('on the critical path');
  if (node.waitingOnOverdue) parts.push('waits on an overdue external dependency');
  return parts.join(', ');
}

function expected(node: { expectedDate: string | null }): string {
  return node.expectedDate ? `expected ${node.expectedDate}` : 'no expected date';
}

type ItemNode = Extract<GraphNodeT, { kind: 'item' }>;

/** The three lines of an item's box, each cut to fit. */
export interface ItemBoxText {
  key: string;
  /** Its status (and "other product" for another product's item). */
  status: string;
  /** The title, cut to fit. */
  title: string;
  /** Blocked, critical path, waits on overdue, points. */
  flags: string;
}

export function itemBoxText(node: ItemNode, titleChars: number): ItemBoxText {
  const flags = [
    node.blocked ? 'blocked' : null,
    node.onCriticalPath ? 'critical path' : null,
    node.waitingOnOverdue ? 'overdue wait' : null,
    node.estimate !== null ? plural(node.estimate, 'pt') : null,
  ].filter((flag) => flag !== null);
  const status = [
    node.status ? STATUS_LABELS[node.status] : null,
    node.foreign && node.key ? 'other product' : null,
  ].filter((part) => part !== null);
  const sentence = flags.join(', ');
  return {
    key: node.key ?? 'Other product',
    status: status.join(', '),
    title: clipText(node.title, titleChars),
    flags: clipText(sentence.charAt(0).toUpperCase() + sentence.slice(1), titleChars + 12),
  };
}

/**
 * A box's accessible name: its visible text in reading order, so speech input can name what it sees
 * (WCAG 2.5.3); nodeDescription() adds the full sentence as its description.
 */
export function itemBoxName(text: ItemBoxText): string {
  return [`${text.key} ${text.status}`.trim(), text.title, text.flags].filter(Boolean).join(', ');
}

/** The small second line of an external dependency's box: its owner and date, or "Overdue …". */
export function externalLine(node: Extract<GraphNodeT, { kind: 'external' }>): string {
  const state = node.met
    ? 'Met'
    : node.overdue
      ? `Overdue since ${node.expectedDate}`
      : node.expectedDate
        ? `Expected ${node.expectedDate}`
        : 'No date';
  return node.owner ? `${node.owner} · ${state}` : state;
}

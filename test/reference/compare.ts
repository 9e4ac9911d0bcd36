/** Compares an API answer with the reference (numbers within 1e-9) and explains a difference. */
import type { History, SprintFacts } from './history.ts';

const TOLERANCE = 1e-9;
const MAX_DIFFERENCES = 25;

/** The paths where `actual` differs from `expected`; only the fields of `expected` are compared. */
export function differences(actual: unknown, expected: unknown, path = '', found: string[] = []): string[] {
  if (found.length >= MAX_DIFFERENCES) return found;
  const show = (value: unknown) => JSON.stringify(value);
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= TOLERANCE))
      found.push(`${path}: expected ${expected}, got ${show(actual)}`);
  } else if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) found.push(`${path}: expected an array, got ${show(actual)}`);
    else {
      if (actual.length !== expected.length)
        found.push(`${path}: expected ${expected.length} entries, got ${actual.length}`);
      const shorter = Math.min(actual.length, expected.length);
      for (let index = 0; index < shorter; index += 1)
        differences(actual[index], expected[index], `${path}[${index}]`, found);
    }
  } else if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object')
      found.push(`${path}: expected an object, got ${show(actual)}`);
    else
      for (const [key, value] of Object.entries(expected))
        differences((actual as Record<string, unknown>)[key], value, path ? `${path}.${key}` : key, found);
  } else if (actual !== expected) found.push(`${path}: expected ${show(expected)}, got ${show(actual)}`);
  return found;
}

/** The events of the given items, one line each, for a failure message: the history to replay by hand. */
export function describeItems(history: History, itemIds: Set<string>, sprints: SprintFacts[]): string {
  const sprintName = (id: string | null) =>
    id === null ? '-' : (sprints.find((sprint) => sprint.id === id)?.name ?? id);
  const lines = history.events
    .filter((event) => itemIds.has(event.itemId))
    .map(({ at, after }) =>
      [
        at,
        after.key,
        `estimate=${after.estimate}`,
        after.status,
        `sprint=${sprintName(after.sprintId)}`,
        after.trashed ? 'trashed' : '',
      ].join(' '),
    );
  const sprintLines = sprints.map(
    (sprint) =>
      `${sprint.name} (${sprint.id}): ${sprint.startDate}..${sprint.endDate} ${sprint.timezone} started ${sprint.startedAt} closed ${sprint.closedAt}`,
  );
  return [...sprintLines, ...lines.slice(0, 200), lines.length > 200 ? `… ${lines.length - 200} more` : '']
    .filter(Boolean)
    .join('\n');
}

/** Timestamps as the reference writes them (the API may format the same instant differently). */
export const sameInstant = (value: unknown) =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : value;

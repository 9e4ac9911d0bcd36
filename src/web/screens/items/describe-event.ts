/**
 * An item's history event in words: "changed status from Backlog to In progress", "checked “Card saved”".
 * Pure: names of people and initiatives come in through `names`, so the history reads the live store.
 */
import type { EventT, ItemStatusT, ItemTypeT } from '../../api/types.ts';
import { STATUS_LABELS, TYPE_LABELS } from '../../api/types.ts';

export interface Names {
  user: (id: string) => string;
  initiative: (id: string) => string;
}

type Criterion = { text: string; done: boolean };

const quote = (value: unknown): string => {
  const text = String(value ?? '');
  return `“${text.length > 60 ? `${text.slice(0, 57)}…` : text}”`;
};

const points = (value: unknown) => `${value} ${value === 1 ? 'point' : 'points'}`;

function criteriaPhrases(before: Criterion[], after: Criterion[]): string[] {
  const beforeByText = new Map(before.map((c) => [c.text, c]));
  const afterTexts = new Set(after.map((c) => c.text));
  const added = after.filter((c) => !beforeByText.has(c.text));
  const removed = before.filter((c) => !afterTexts.has(c.text));
  const phrases: string[] = [];
  if (added.length === 1 && removed.length === 1 && before.length === after.length) {
    phrases.push(`edited criterion ${quote(removed[0]?.text)} to ${quote(added[0]?.text)}`);
  } else {
    for (const c of added) phrases.push(`added criterion ${quote(c.text)}`);
    for (const c of removed) phrases.push(`removed criterion ${quote(c.text)}`);
  }
  for (const c of after) {
    const prior = beforeByText.get(c.text);
    if (prior && prior.done !== c.done) phrases.push(`${c.done ? 'checked' : 'unchecked'} ${quote(c.text)}`);
  }
  if (phrases.length === 0) phrases.push('reordered the acceptance criteria');
  return phrases;
}

function fieldPhrases(field: string, before: unknown, after: unknown, names: Names): string[] {
  switch (field) {
    case 'title':
      return [`renamed it from ${quote(before)} to ${quote(after)}`];
    case 'status':
      return [
        `changed status from ${STATUS_LABELS[before as ItemStatusT] ?? before} to ${STATUS_LABELS[after as ItemStatusT] ?? after}`,
      ];
    case 'type':
      return [
        `changed type from ${TYPE_LABELS[before as ItemTypeT] ?? before} to ${TYPE_LABELS[after as ItemTypeT] ?? after}`,
      ];
    case 'estimate':
      if (before === null) return [`estimated it at ${points(after)}`];
      if (after === null) return ['removed the estimate'];
      return [`changed the estimate from ${before} to ${points(after)}`];
    case 'initiativeId':
      if (before === null) return [`added it to initiative ${quote(names.initiative(String(after)))}`];
      if (after === null) return [`removed it from initiative ${quote(names.initiative(String(before)))}`];
      return [
        `moved it from initiative ${quote(names.initiative(String(before)))} to ${quote(names.initiative(String(after)))}`,
      ];
    case 'assigneeId':
      if (before === null) return [`assigned it to ${names.user(String(after))}`];
      if (after === null) return [`unassigned ${names.user(String(before))}`];
      return [`reassigned it from ${names.user(String(before))} to ${names.user(String(after))}`];
    case 'labels': {
      const prior = (before as string[] | null) ?? [];
      const next = (after as string[] | null) ?? [];
      const added = next.filter((label) => !prior.includes(label));
      const removed = prior.filter((label) => !next.includes(label));
      const phrases: string[] = [];
      if (added.length) phrases.push(`added ${added.length > 1 ? 'labels' : 'label'} ${added.join(', ')}`);
      if (removed.length)
        phrases.push(`removed ${removed.length > 1 ? 'labels' : 'label'} ${removed.join(', ')}`);
      return phrases;
    }
    case 'description':
      if (!before) return ['added a description'];
      if (!after) return ['removed the description'];
      return ['edited the description'];
    case 'story':
      if (before === null) return ['added the user story'];
      if (after === null) return ['removed the user story'];
      return ['edited the user story'];
    case 'acceptanceCriteria':
      return criteriaPhrases((before as Criterion[] | null) ?? [], (after as Criterion[] | null) ?? []);
    case 'rank':
      return ['moved it in the backlog'];
    default:
      return [`changed ${field}`];
  }
}

/** What the event did, as phrases to follow the actor's name; empty for housekeeping nobody needs to see. */
export function describeEvent(event: EventT, names: Names): string[] {
  switch (event.action) {
    case 'created':
      return ['created this item'];
    case 'deleted':
      return ['moved it to the trash'];
    case 'restored':
      return ['restored it from the trash'];
    case 'moved':
      return ['moved it in the backlog'];
    // Ranks respaced to make room: nobody's decision, nothing changed in order.
    case 'rebalanced':
      return [];
    case 'updated':
      return Object.entries(event.changes).flatMap(([field, [before, after]]) =>
        fieldPhrases(field, before, after, names),
      );
    default:
      return [event.action];
  }
}

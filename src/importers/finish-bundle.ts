/**
 * The last step every importer shares: fit values into Cairn's limits (a 600-character Jira summary, a
 * label with a comma), keep only references that point inside the bundle, drop duplicate dependencies and
 * list the source statuses. Whatever cannot be kept is reported, so the user sees it in the dry run.
 */
import { LIMITS } from '../schemas/limits.ts';
import type {
  ImportBundle,
  ImportedDependency,
  ImportedItem,
  ImportFormat,
  ImportProblem,
} from './bundle.ts';

export type BundleDraft = Omit<ImportBundle, 'statuses' | 'format'>;

/** Applies limits and reference checks to a parser's draft and returns the finished bundle. */
export function finishBundle(format: ImportFormat, draft: BundleDraft): ImportBundle {
  const skipped: ImportProblem[] = [...draft.skipped];
  const initiativeKeys = new Set(draft.initiatives.map((i) => i.externalKey));
  const sprintKeys = new Set(draft.sprints.map((s) => s.externalKey));
  const releaseKeys = new Set(draft.releases.map((r) => r.externalKey));
  const items = draft.items.map((item) =>
    fitItem(item, skipped, { initiativeKeys, sprintKeys, releaseKeys }),
  );
  const initiatives = draft.initiatives.map((initiative) => ({
    ...initiative,
    title: cut(initiative.title, LIMITS.initiativeTitle),
    description: cut(initiative.description, LIMITS.itemDescription),
  }));
  const itemKeys = new Set(items.map((i) => i.externalKey));
  const dependencies = checkDependencies(draft.dependencies, itemKeys, initiativeKeys, skipped);
  const statuses = new Set<string>();
  for (const row of [...initiatives, ...items].sort(byLine)) statuses.add(row.sourceStatus);
  return {
    format,
    rows: draft.rows,
    items,
    initiatives,
    sprints: draft.sprints,
    releases: draft.releases,
    dependencies,
    skipped: skipped.sort(byLine),
    statuses: [...statuses],
  };
}

interface Known {
  initiativeKeys: ReadonlySet<string>;
  sprintKeys: ReadonlySet<string>;
  releaseKeys: ReadonlySet<string>;
}

function fitItem(item: ImportedItem, skipped: ImportProblem[], known: Known): ImportedItem {
  const note = (reason: string) => skipped.push({ line: item.line, externalKey: item.externalKey, reason });
  let initiativeKey = item.initiativeKey;
  if (initiativeKey !== null && !known.initiativeKeys.has(initiativeKey)) {
    note(`imported without its epic/parent: ${initiativeKey} is not an epic in this file`);
    initiativeKey = null;
  }
  if (item.title.length > LIMITS.itemTitle) note(`title cut to ${LIMITS.itemTitle} characters`);
  if (item.description.length > LIMITS.itemDescription) {
    note(`description cut to ${LIMITS.itemDescription} characters`);
  }
  let estimate = item.estimate;
  if (estimate !== null && estimate > LIMITS.estimate) {
    note(`estimate ${estimate} is above ${LIMITS.estimate}; left empty`);
    estimate = null;
  }
  const labels = fitLabels(item.labels);
  if (labels.length < item.labels.length) note(`kept ${labels.length} of ${item.labels.length} labels`);
  if (item.acceptanceCriteria.length > LIMITS.criteria) {
    note(`kept the first ${LIMITS.criteria} of ${item.acceptanceCriteria.length} acceptance criteria`);
  }
  return {
    ...item,
    title: cut(item.title, LIMITS.itemTitle),
    description: cut(item.description, LIMITS.itemDescription),
    estimate,
    labels,
    initiativeKey,
    sprintKey: item.sprintKey !== null && known.sprintKeys.has(item.sprintKey) ? item.sprintKey : null,
    releaseKey: item.releaseKey !== null && known.releaseKeys.has(item.releaseKey) ? item.releaseKey : null,
    acceptanceCriteria: item.acceptanceCriteria
      .slice(0, LIMITS.criteria)
      .map((c) => ({ text: cut(c.text, LIMITS.criterionText), done: c.done }))
      .filter((c) => c.text.trim() !== ''),
  };
}

/** Cairn labels are ≤ 50 characters with no commas; spaces inside are kept, commas become spaces. */
function fitLabels(labels: readonly string[]): string[] {
  const fitted = new Set<string>();
  for (const label of labels) {
    const clean = label.replaceAll(',', ' ').replaceAll('\u0000', ' ').trim().slice(0, LIMITS.label).trim();
    if (clean !== '') fitted.add(clean);
    if (fitted.size >= LIMITS.labels) break;
  }
  return [...fitted];
}

function checkDependencies(
  dependencies: readonly ImportedDependency[],
  itemKeys: ReadonlySet<string>,
  initiativeKeys: ReadonlySet<string>,
  skipped: ImportProblem[],
): ImportedDependency[] {
  const seen = new Set<string>();
  const kept: ImportedDependency[] = [];
  for (const dep of dependencies) {
    const pair = `${dep.blockerKey}\u0000${dep.blockedKey}`;
    if (seen.has(pair)) continue;
    seen.add(pair);
    const missing = [dep.blockerKey, dep.blockedKey].find((key) => !itemKeys.has(key));
    if (dep.blockerKey === dep.blockedKey) {
      skipped.push({ line: dep.line, externalKey: dep.blockedKey, reason: 'an item cannot block itself' });
    } else if (missing !== undefined) {
      const what = initiativeKeys.has(missing) ? 'is an epic' : 'is not in this file';
      const present = missing === dep.blockedKey ? dep.blockerKey : dep.blockedKey;
      skipped.push({
        line: dep.line,
        externalKey: present,
        reason: `dependency ${dep.blockerKey} blocks ${dep.blockedKey} not imported: ${missing} ${what}`,
      });
    } else {
      kept.push(dep);
    }
  }
  return kept;
}

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function byLine(a: { line: number | null }, b: { line: number | null }): number {
  return (a.line ?? Number.MAX_SAFE_INTEGER) - (b.line ?? Number.MAX_SAFE_INTEGER);
}

/** The report of an import (pure): what the plan creates, updates and leaves, conflicts, skipped rows. */
import type { ImportBundle, ImportKind } from '../../importers/bundle.ts';
import { IMPORT_REPORT_CAPS, type ImportCounts, type ImportReport } from '../../schemas/import.ts';
import type { ImportPlan } from './plan-import.ts';

const zero = (): ImportCounts => ({
  items: 0,
  initiatives: 0,
  sprints: 0,
  releases: 0,
  dependencies: 0,
  comments: 0,
});

export interface ReportInput {
  kind: ImportKind;
  bundle: ImportBundle;
  plan: ImportPlan;
  dryRun: boolean;
  /** After a real run: the keys of the created items, and how many comments were written. */
  createdKeys?: Map<string, string>;
  comments?: { created: number; unchanged: number };
}

export function buildReport(input: ReportInput): ImportReport {
  const { plan } = input;
  const counts = { create: zero(), update: zero(), unchanged: zero() };
  for (const item of plan.items) counts[item.action].items++;
  for (const initiative of plan.initiatives) counts[initiative.action].initiatives++;
  for (const sprint of plan.containers.sprints) counts[sprint.action].sprints++;
  for (const release of plan.containers.releases) counts[release.action].releases++;
  for (const dependency of plan.dependencies) counts[dependency.action].dependencies++;
  if (input.comments) {
    counts.create.comments = input.comments.created;
    counts.unchanged.comments = input.comments.unchanged;
  } else {
    for (const item of plan.items) {
      counts[item.action === 'create' ? 'create' : 'unchanged'].comments += item.comments.length;
    }
  }

  const conflicts: ImportReport['conflicts'] = [];
  let conflictsTotal = 0;
  const addConflicts = (
    externalKey: string,
    itemKey: string | null,
    list: ImportPlan['items'][number]['conflicts'],
  ) => {
    conflictsTotal += list.length;
    for (const conflict of list) {
      if (conflicts.length >= IMPORT_REPORT_CAPS.conflicts) return;
      conflicts.push({ externalKey, itemKey, ...conflict });
    }
  };
  for (const initiative of plan.initiatives) addConflicts(initiative.externalKey, null, initiative.conflicts);
  for (const item of plan.items) addConflicts(item.externalKey, item.key, item.conflicts);

  const statusMapping: ImportReport['statusMapping'] = [];
  for (const [source, status] of Object.entries(plan.mapping)) {
    if (statusMapping.length >= IMPORT_REPORT_CAPS.statusMapping) break;
    statusMapping.push({ source, status, items: plan.statusCounts.get(source) ?? 0 });
  }

  return {
    kind: input.kind,
    format: input.bundle.format,
    dryRun: input.dryRun,
    rows: input.bundle.rows,
    statusMapping,
    created: counts.create,
    updated: counts.update,
    unchanged: counts.unchanged,
    conflicts,
    conflictsTotal,
    skipped: plan.skipped.slice(0, IMPORT_REPORT_CAPS.skipped),
    skippedTotal: plan.skipped.length,
    notes: notesOf(plan),
    preview: {
      items: plan.items.slice(0, IMPORT_REPORT_CAPS.previewItems).map((item) => ({
        externalKey: item.externalKey,
        key: item.key ?? input.createdKeys?.get(item.externalKey) ?? null,
        title: item.fields.title,
        type: item.fields.type,
        status: item.action === 'create' ? item.fields.status : (item.changes.status ?? currentStatus(item)),
        action: item.action,
      })),
      initiatives: plan.initiatives.slice(0, IMPORT_REPORT_CAPS.previewInitiatives).map((initiative) => ({
        externalKey: initiative.externalKey,
        title: initiative.fields.title,
        action: initiative.action,
      })),
    },
  };
}

/** The status an existing item keeps: Cairn's when the import's value conflicts, else the import's. */
function currentStatus(item: ImportPlan['items'][number]) {
  const conflict = item.conflicts.find((c) => c.field === 'status');
  return conflict ? (conflict.cairnValue as typeof item.fields.status) : item.fields.status;
}

/** What the import decided for the user that the counts do not show. */
function notesOf(plan: ImportPlan): string[] {
  const notes: string[] = [];
  const dated = plan.containers.placeholderDates;
  if (dated.length > 0) {
    const names = dated.slice(0, 10).join(', ') + (dated.length > 10 ? ` and ${dated.length - 10} more` : '');
    notes.push(
      `The file gives no dates for ${dated.length} sprint(s) (${names}): they are created as two-week ` +
        'sprints back to back from today; change their dates in Cairn.',
    );
  }
  return notes;
}

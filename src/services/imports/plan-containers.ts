/**
 * Which releases (fix versions, milestones) and sprints (Jira sprints, Linear cycles) an import creates and
 * which it finds (pure): by the link of an earlier import, else by name among the product's live ones.
 * A sprint needs dates in Cairn: one the file gives none (Jira's CSV) gets placeholder dates, two-week
 * sprints back to back from the day of the import, which the report notes; one longer than 8 weeks is
 * not created and its items stay in the backlog, reported once. New sprints are planned ones: a sprint is started and closed in
 * Cairn, where its burndown is recorded.
 */
import { addDays } from '../../domain/calendar.ts';
import { sprintDatesProblem } from '../../domain/sprint-rules.ts';
import type { ImportBundle, ImportProblem } from '../../importers/bundle.ts';
import { LIMITS } from '../../schemas/limits.ts';
import { dateOnly, fitText, NEW_REF } from './import-fields.ts';
import type { ExistingState } from './plan-import.ts';

export interface PlannedSprint {
  externalKey: string;
  /** create, or unchanged: found (linked or by name). */
  action: 'create' | 'unchanged';
  id: string | null;
  name: string;
  startDate: string;
  endDate: string;
}

export interface PlannedRelease {
  externalKey: string;
  action: 'create' | 'unchanged';
  id: string | null;
  name: string;
  targetDate: string | null;
}

export interface PlannedContainers {
  sprints: PlannedSprint[];
  releases: PlannedRelease[];
  /** External key → sprint id or `new:sprint:<key>`; absent when the sprint is not imported. */
  sprintRefs: Map<string, string>;
  releaseRefs: Map<string, string>;
  /** Closed sprints found: items are not placed into them (Cairn refuses that). */
  closedSprints: Set<string>;
  /** External keys of new sprints the file gave no dates: they get placeholder ones. */
  placeholderDates: string[];
}

/** A placeholder sprint's length: two weeks. */
const PLACEHOLDER_DAYS = 14;

function planReleases(
  bundle: ImportBundle,
  state: ExistingState,
  containers: PlannedContainers,
  skipped: ImportProblem[],
) {
  const byName = new Map<string, string>();
  for (const release of bundle.releases) {
    if (containers.releaseRefs.has(release.externalKey)) continue;
    const name = fitText(release.name, LIMITS.releaseName);
    const link = state.links.release.get(release.externalKey);
    const found =
      link && state.releaseIds.has(link.entityId)
        ? link.entityId
        : (state.releasesByName.get(name.toLowerCase()) ?? byName.get(name.toLowerCase()));
    if (found !== undefined) {
      containers.releaseRefs.set(release.externalKey, found);
      if (!found.startsWith(NEW_REF)) {
        containers.releases.push({
          externalKey: release.externalKey,
          action: 'unchanged',
          id: found,
          name,
          targetDate: null,
        });
      }
      continue;
    }
    if (name === '') {
      skipped.push({ line: null, externalKey: release.externalKey, reason: 'the version has no name' });
      continue;
    }
    const ref = `${NEW_REF}release:${release.externalKey}`;
    byName.set(name.toLowerCase(), ref);
    containers.releaseRefs.set(release.externalKey, ref);
    containers.releases.push({
      externalKey: release.externalKey,
      action: 'create',
      id: null,
      name,
      targetDate: dateOnly(release.releaseDate),
    });
  }
}

function planSprints(
  bundle: ImportBundle,
  state: ExistingState,
  containers: PlannedContainers,
  skipped: ImportProblem[],
  today: string,
) {
  let placeholder = today;
  const byName = new Map<string, string>();
  const seen = new Set<string>();
  for (const sprint of bundle.sprints) {
    if (seen.has(sprint.externalKey)) continue;
    seen.add(sprint.externalKey);
    const name = fitText(sprint.name, LIMITS.name);
    const link = state.links.sprint.get(sprint.externalKey);
    const linked = link && state.sprintStates.has(link.entityId) ? link.entityId : undefined;
    const named = state.sprintsByName.get(name.toLowerCase())?.id;
    const found = linked ?? named ?? byName.get(name.toLowerCase());
    if (found !== undefined) {
      containers.sprintRefs.set(sprint.externalKey, found);
      if (state.sprintStates.get(found) === 'closed') containers.closedSprints.add(found);
      if (!found.startsWith(NEW_REF)) {
        containers.sprints.push({
          externalKey: sprint.externalKey,
          action: 'unchanged',
          id: found,
          name,
          startDate: '',
          endDate: '',
        });
      }
      continue;
    }
    const label = `sprint "${name.slice(0, 100)}"`;
    if (name === '') {
      skipped.push({
        line: null,
        externalKey: sprint.externalKey,
        reason: 'a sprint has no name: its items stay in the backlog',
      });
      continue;
    }
    let startDate = dateOnly(sprint.startDate);
    let endDate = dateOnly(sprint.endDate);
    if (startDate === null || endDate === null) {
      // Jira's CSV names sprints without their dates: placeholders, back to back, said in the report.
      startDate = placeholder;
      endDate = addDays(placeholder, PLACEHOLDER_DAYS - 1);
      placeholder = addDays(endDate, 1);
      containers.placeholderDates.push(sprint.externalKey);
    }
    const problem = sprintDatesProblem({ startDate, endDate });
    if (problem) {
      skipped.push({
        line: null,
        externalKey: sprint.externalKey,
        reason: `${label}: ${problem.field} ${problem.message}; its items stay in the backlog`,
      });
      continue;
    }
    const ref = `${NEW_REF}sprint:${sprint.externalKey}`;
    byName.set(name.toLowerCase(), ref);
    containers.sprintRefs.set(sprint.externalKey, ref);
    containers.sprints.push({
      externalKey: sprint.externalKey,
      action: 'create',
      id: null,
      name,
      startDate,
      endDate,
    });
  }
}

export function planContainers(
  bundle: ImportBundle,
  state: ExistingState,
  skipped: ImportProblem[],
  today: string,
): PlannedContainers {
  const containers: PlannedContainers = {
    sprints: [],
    releases: [],
    sprintRefs: new Map(),
    releaseRefs: new Map(),
    closedSprints: new Set(),
    placeholderDates: [],
  };
  planReleases(bundle, state, containers, skipped);
  planSprints(bundle, state, containers, skipped, today);
  return containers;
}

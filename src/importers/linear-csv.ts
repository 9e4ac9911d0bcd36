/**
 * Linear's CSV export (Settings → Import/Export → Export CSV, or a view's export) → an ImportBundle. Its
 * columns, as Linear writes them: ID, Team, Title, Description, Status, Estimate, Priority, Project ID,
 * Project, Creator, Assignee, Labels, Cycle Number, Cycle Name, Cycle Start, Cycle End, Created, Updated,
 * Started, Triaged, Completed, Canceled, Archived, Due Date, Parent issue, Initiatives, Project Milestone
 * ID, Project Milestone, SLA Status — plus "Blocks"/"Blocked by"/"Related to" in exports that carry
 * relations. Projects become initiatives, cycles sprints (per team: cycle numbers restart in each team),
 * project milestones releases, "Blocks"/"Blocked by" dependencies. "Related to" is not a dependency (it
 * has no direction) and "Parent issue" is not kept (Cairn has no sub-items). Archived issues are skipped.
 */
import { AppError } from '../services/errors.ts';
import type {
  ImportBundle,
  ImportedDependency,
  ImportedInitiative,
  ImportedItem,
  ImportedRelease,
  ImportedSprint,
  ImportProblem,
} from './bundle.ts';
import { ColumnIndex, firstCell, parseEstimate, splitLabels, typeFromLabels } from './columns.ts';
import { readCsv } from './csv-table.ts';
import { parseExportDate, parseExportTimestamp } from './dates.ts';
import { finishBundle } from './finish-bundle.ts';

/** Linear projects carry no status in the CSV; "Backlog" is a status every Linear team already has. */
const PROJECT_STATUS = 'Backlog';

/** Parses the text of a Linear CSV export; a file without "ID" or "Title" is an error on line 1. */
export function parseLinearCsv(text: string): ImportBundle {
  const { header, rows } = readCsv(text, 'Linear CSV');
  const index = new ColumnIndex(header);
  for (const required of ['ID', 'Title']) {
    if (!index.has(required)) {
      throw new AppError('invalid_import', `line 1: the Linear CSV has no "${required}" column`, {
        line: 1,
        column: required,
      });
    }
  }
  const col = (...names: string[]) => index.indexes(...names);
  const c = {
    id: col('ID'),
    team: col('Team'),
    title: col('Title'),
    description: col('Description'),
    status: col('Status'),
    estimate: col('Estimate'),
    priority: col('Priority'),
    projectId: col('Project ID'),
    project: col('Project'),
    labels: col('Labels'),
    cycleNumber: col('Cycle Number'),
    cycleName: col('Cycle Name'),
    cycleStart: col('Cycle Start'),
    cycleEnd: col('Cycle End'),
    created: col('Created'),
    updated: col('Updated'),
    archived: col('Archived'),
    due: col('Due Date'),
    milestoneId: col('Project Milestone ID'),
    milestone: col('Project Milestone'),
    blocks: col('Blocks'),
    blockedBy: col('Blocked by'),
  };

  const skipped: ImportProblem[] = [];
  const items: ImportedItem[] = [];
  const initiatives = new Map<string, ImportedInitiative>();
  const sprints = new Map<string, ImportedSprint>();
  const releases = new Map<string, ImportedRelease>();
  const dependencies: ImportedDependency[] = [];
  const lineOfKey = new Map<string, number>();

  for (const { line, cells } of rows) {
    if (cells.every((cell) => cell.trim() === '')) continue;
    const get = (indexes: number[]) => firstCell(cells, indexes);
    const key = get(c.id);
    const title = get(c.title);
    const firstLine = lineOfKey.get(key);
    const problem =
      key === ''
        ? 'no ID'
        : title === ''
          ? 'no Title'
          : firstLine !== undefined
            ? `duplicate ID ${key} (first on line ${firstLine})`
            : get(c.archived) !== ''
              ? 'archived issue'
              : null;
    if (problem) {
      skipped.push({ line, externalKey: key || null, reason: problem });
      continue;
    }
    lineOfKey.set(key, line);

    const projectName = get(c.project);
    const projectKey = projectName === '' ? null : get(c.projectId) || projectName;
    if (projectKey !== null && !initiatives.has(projectKey)) {
      initiatives.set(projectKey, {
        externalKey: projectKey,
        line,
        title: projectName,
        description: '',
        sourceStatus: PROJECT_STATUS,
        targetDate: null,
      });
    }
    const sprintKey = cycleOf(get(c.team), get(c.cycleNumber), get(c.cycleName), {
      start: get(c.cycleStart),
      end: get(c.cycleEnd),
      sprints,
    });
    const milestoneName = get(c.milestone);
    const releaseKey = milestoneName === '' ? null : get(c.milestoneId) || milestoneName;
    if (releaseKey !== null && !releases.has(releaseKey)) {
      releases.set(releaseKey, {
        externalKey: releaseKey,
        name: milestoneName,
        releaseDate: null,
        released: false,
      });
    }
    for (const other of relationKeys(cells, c.blocks))
      dependencies.push({ blockerKey: key, blockedKey: other, line });
    for (const other of relationKeys(cells, c.blockedBy)) {
      dependencies.push({ blockerKey: other, blockedKey: key, line });
    }
    const labels = splitLabels([get(c.labels)], /,/);
    const priority = get(c.priority);
    items.push({
      externalKey: key,
      line,
      type: typeFromLabels(labels),
      title,
      description: get(c.description),
      sourceStatus: get(c.status) || 'Backlog',
      acceptanceCriteria: [],
      estimate: parseEstimate(get(c.estimate)),
      labels,
      initiativeKey: projectKey,
      sprintKey,
      releaseKey,
      priority: priority === '' || /^no priority$/i.test(priority) ? null : priority,
      dueDate: parseExportDate(get(c.due)),
      createdAt: parseExportTimestamp(get(c.created)),
      updatedAt: parseExportTimestamp(get(c.updated)),
      comments: [],
    });
  }

  return finishBundle('linear-csv', {
    rows: rows.length,
    items,
    initiatives: [...initiatives.values()],
    sprints: [...sprints.values()],
    releases: [...releases.values()],
    dependencies,
    skipped,
  });
}

/** A cycle is "Team #number": numbers restart in every team, so the team is part of the key. */
function cycleOf(
  team: string,
  number: string,
  name: string,
  context: { start: string; end: string; sprints: Map<string, ImportedSprint> },
): string | null {
  if (number === '' && name === '') return null;
  const key = number === '' ? `${team} ${name}`.trim() : `${team} #${number}`.trim();
  if (!context.sprints.has(key)) {
    const label = name || `Cycle ${number}`;
    context.sprints.set(key, {
      externalKey: key,
      name: team === '' ? label : `${team} ${label}`,
      state: null,
      startDate: parseExportDate(context.start),
      endDate: parseExportDate(context.end),
    });
  }
  return key;
}

/** A relation cell lists issue IDs separated by commas or spaces ("ENG-4, ENG-9"). */
function relationKeys(cells: readonly string[], indexes: readonly number[]): string[] {
  const keys: string[] = [];
  for (const i of indexes) {
    for (const part of (cells[i] ?? '').split(/[,\s]+/, 1000)) if (part !== '') keys.push(part);
  }
  return keys;
}

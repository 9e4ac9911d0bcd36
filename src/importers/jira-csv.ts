/**
 * Jira's CSV export ("Export Excel CSV (all fields)") → an ImportBundle. Jira repeats column names — one
 * "Sprint", "Labels", "Fix Version/s", "Comment" or "Outward issue link (Blocks)" column per value — so
 * columns are found by index. Epics become initiatives; other issues link to them through "Epic Link"
 * (older Jira) or "Parent" (newer Jira, which writes the parent's numeric "Issue id"). Sub-tasks become
 * tasks under their parent's epic. Sprints and fix versions are keyed by name: the CSV has no ids.
 */

import { AppError } from '../services/errors.ts';
import type {
  ImportBundle,
  ImportedComment,
  ImportedDependency,
  ImportedInitiative,
  ImportedItem,
  ImportedRelease,
  ImportedSprint,
  ImportProblem,
} from './bundle.ts';
import { allCells, ColumnIndex, firstCell, parseEstimate, splitLabels } from './columns.ts';
import { readCsv } from './csv-table.ts';
import { parseExportDate, parseExportTimestamp } from './dates.ts';
import { finishBundle } from './finish-bundle.ts';
import { isEpicType, isIssueKey, itemTypeOf } from './jira-shared.ts';
import { jiraWikiToMarkdown } from './jira-wiki.ts';

/** Parses the text of a Jira CSV export; a file without "Issue key" or "Summary" is an error on line 1. */
export function parseJiraCsv(text: string): ImportBundle {
  const { header, rows } = readCsv(text, 'Jira CSV');
  const columns = jiraColumns(new ColumnIndex(header));
  const skipped: ImportProblem[] = [];
  const items: ImportedItem[] = [];
  const initiatives: ImportedInitiative[] = [];
  const sprints = new Map<string, ImportedSprint>();
  const releases = new Map<string, ImportedRelease>();
  const dependencies: ImportedDependency[] = [];
  const lineOfKey = new Map<string, number>();
  const keyOfId = new Map<string, string>();
  const parentOf = new Map<string, string>();

  for (const { line, cells } of rows) {
    const key = firstCell(cells, columns.key);
    const summary = firstCell(cells, columns.summary);
    if (cells.every((cell) => cell.trim() === '')) continue;
    if (key === '') {
      skipped.push({ line, externalKey: null, reason: 'no Issue key' });
      continue;
    }
    if (summary === '') {
      skipped.push({ line, externalKey: key, reason: 'no Summary' });
      continue;
    }
    const firstLine = lineOfKey.get(key);
    if (firstLine !== undefined) {
      skipped.push({
        line,
        externalKey: key,
        reason: `duplicate Issue key ${key} (first on line ${firstLine})`,
      });
      continue;
    }
    lineOfKey.set(key, line);
    const issueId = firstCell(cells, columns.issueId);
    if (issueId !== '') keyOfId.set(issueId, key);

    const issueType = firstCell(cells, columns.issueType);
    const status = firstCell(cells, columns.status) || 'To Do';
    const description = jiraWikiToMarkdown(firstCell(cells, columns.description));
    if (isEpicType(issueType)) {
      initiatives.push({
        externalKey: key,
        line,
        title: summary,
        description,
        sourceStatus: status,
        targetDate: parseExportDate(firstCell(cells, columns.dueDate)),
      });
      continue;
    }

    const sprintNames = allCells(cells, columns.sprint);
    for (const name of sprintNames) {
      if (!sprints.has(name)) {
        sprints.set(name, { externalKey: name, name, state: null, startDate: null, endDate: null });
      }
    }
    const versions = allCells(cells, columns.fixVersion);
    for (const name of versions) {
      if (!releases.has(name))
        releases.set(name, { externalKey: name, name, releaseDate: null, released: false });
    }
    const parent =
      firstCell(cells, columns.epicLink) ||
      firstCell(cells, columns.parentKey) ||
      firstCell(cells, columns.parent);
    if (parent !== '') parentOf.set(key, parent);
    for (const other of allCells(cells, columns.blocksOutward)) {
      dependencies.push({ blockerKey: key, blockedKey: other, line });
    }
    for (const other of allCells(cells, columns.blocksInward)) {
      dependencies.push({ blockerKey: other, blockedKey: key, line });
    }
    items.push({
      externalKey: key,
      line,
      type: itemTypeOf(issueType),
      title: summary,
      description,
      sourceStatus: status,
      acceptanceCriteria: criteriaOf(firstCell(cells, columns.acceptance)),
      estimate: parseEstimate(firstCell(cells, columns.points)),
      labels: splitLabels(allCells(cells, columns.labels), /\s+/),
      initiativeKey: null,
      sprintKey: sprintNames.at(-1) ?? null,
      releaseKey: versions[0] ?? null,
      priority: firstCell(cells, columns.priority) || null,
      dueDate: parseExportDate(firstCell(cells, columns.dueDate)),
      createdAt: parseExportTimestamp(firstCell(cells, columns.created)),
      updatedAt: parseExportTimestamp(firstCell(cells, columns.updated)),
      comments: allCells(cells, columns.comment).map(commentOf),
    });
  }

  const epicKeys = new Set(initiatives.map((i) => i.externalKey));
  const resolve = (ref: string) => (isIssueKey(ref) ? ref : (keyOfId.get(ref) ?? ref));
  for (const item of items) {
    const ref = parentOf.get(item.externalKey);
    if (ref === undefined) continue;
    const parentKey = resolve(ref);
    if (epicKeys.has(parentKey)) {
      item.initiativeKey = parentKey;
      continue;
    }
    if (!lineOfKey.has(parentKey)) {
      // Not in the file: kept so that finishing reports the missing epic.
      item.initiativeKey = parentKey;
      continue;
    }
    // A sub-task's parent is a story: the sub-task joins that story's epic (one level, never a chain).
    const grandparent = parentOf.get(parentKey);
    const epic = grandparent === undefined ? null : resolve(grandparent);
    item.initiativeKey = epic !== null && epicKeys.has(epic) ? epic : null;
  }

  return finishBundle('jira-csv', {
    rows: rows.length,
    items,
    initiatives,
    sprints: [...sprints.values()],
    releases: [...releases.values()],
    dependencies,
    skipped,
  });
}

function jiraColumns(index: ColumnIndex) {
  for (const required of ['Issue key', 'Summary']) {
    if (!index.has(required)) {
      throw new AppError('invalid_import', `line 1: the Jira CSV has no "${required}" column`, {
        line: 1,
        column: required,
      });
    }
  }
  return {
    key: index.indexes('Issue key'),
    issueId: index.indexes('Issue id'),
    summary: index.indexes('Summary'),
    issueType: index.indexes('Issue Type'),
    status: index.indexes('Status'),
    priority: index.indexes('Priority'),
    points: index.indexes(
      'Story Points',
      'Story point estimate',
      'Custom field (Story Points)',
      'Custom field (Story point estimate)',
    ),
    sprint: index.indexes('Sprint', 'Custom field (Sprint)'),
    fixVersion: index.indexes('Fix Version/s', 'Fix versions', 'Fix Version'),
    epicLink: index.indexes('Custom field (Epic Link)', 'Epic Link'),
    parentKey: index.indexes('Parent key'),
    parent: index.indexes('Parent', 'Parent id'),
    labels: index.indexes('Labels'),
    description: index.indexes('Description'),
    acceptance: index.indexes('Custom field (Acceptance Criteria)', 'Acceptance Criteria'),
    created: index.indexes('Created'),
    updated: index.indexes('Updated'),
    dueDate: index.indexes('Due Date', 'Due date'),
    comment: index.indexes('Comment', 'Comments'),
    blocksOutward: index.matching(/^outward issue link \((blocks|blocker)\)$/),
    blocksInward: index.matching(/^inward issue link \((blocks|blocker)\)$/),
  };
}

/** A Jira CSV comment cell is "12/Mar/24 10:15 AM;author-id;body"; older exports hold only the body. */
function commentOf(cell: string): ImportedComment {
  const first = cell.indexOf(';');
  const second = first === -1 ? -1 : cell.indexOf(';', first + 1);
  const at = first === -1 ? null : parseExportTimestamp(cell.slice(0, first));
  if (at === null || second === -1) return { author: null, at: null, body: jiraWikiToMarkdown(cell) };
  const author = cell.slice(first + 1, second).trim();
  return { author: author || null, at, body: jiraWikiToMarkdown(cell.slice(second + 1)) };
}

/** An "Acceptance Criteria" field: one criterion per line, list markers and checkboxes dropped. */
function criteriaOf(cell: string): ImportedItem['acceptanceCriteria'] {
  if (cell === '') return [];
  const criteria: ImportedItem['acceptanceCriteria'] = [];
  for (const raw of cell.split('\n', 1000)) {
    const done = /^\s*(?:[-*#]+\s*)?\[[xX]\]/.test(raw);
    const text = raw.replace(/^\s*(?:[-*#]+\s+|\d{1,3}[.)]\s+)?(?:\[[ xX]?\]\s*)?/, '').trim();
    if (text !== '') criteria.push({ text, done });
  }
  return criteria;
}

/**
 * Pages of Jira's REST search (/rest/api/2/search, or v3) → an ImportBundle. The file may hold one page
 * ({ startAt, maxResults, total, issues }), a JSON array of pages, or JSON Lines (one page per line).
 * Epics become initiatives, fix versions releases (keyed by their id), sprints sprints (keyed by id, with
 * state and dates), "Blocks" links dependencies, comments comments; wiki text becomes Markdown. Custom
 * fields (sprint, story points, epic link) are found through the `names` expansion when the search asked
 * for it (`expand=names`), else by the usual ids (see jira-fields.ts). Sub-tasks become tasks under their
 * parent's epic. JSON has no row lines: problems name the line of the page in JSON Lines files only.
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
import { splitLabels } from './columns.ts';
import { parseExportDate, parseExportTimestamp } from './dates.ts';
import { finishBundle } from './finish-bundle.ts';
import {
  type CustomFieldIds,
  customFieldIds,
  numberField,
  richText,
  sprintsOf,
  textField,
} from './jira-fields.ts';
import { isEpicType, isIssueKey, itemTypeOf } from './jira-shared.ts';
import { jiraWikiToMarkdown } from './jira-wiki.ts';
import { asArray, asRecord, asText, parseJsonText } from './json-text.ts';

/** Most issues read from one file (pages of 100 make this 2,000 pages). */
export const MAX_JIRA_ISSUES = 200_000;
/** Most comments kept per issue. */
const MAX_COMMENTS = 500;

interface Page {
  line: number | null;
  issues: unknown[];
  names: Record<string, unknown> | null;
}

/** Parses Jira REST search results (one page, an array of pages, or JSON Lines of pages). */
export function parseJiraJson(text: string): ImportBundle {
  const pages = readPages(text);
  const names = pages.find((p) => p.names !== null)?.names ?? null;
  const ids = customFieldIds(names);
  const skipped: ImportProblem[] = [];
  const items: ImportedItem[] = [];
  const initiatives: ImportedInitiative[] = [];
  const sprints = new Map<string, ImportedSprint>();
  const releases = new Map<string, ImportedRelease>();
  const dependencies: ImportedDependency[] = [];
  const seen = new Set<string>();
  const parentOf = new Map<string, string>();
  let rows = 0;

  for (const page of pages) {
    for (const raw of page.issues) {
      rows++;
      if (rows > MAX_JIRA_ISSUES) {
        throw new AppError('invalid_import', `line ${page.line ?? 1}: more than ${MAX_JIRA_ISSUES} issues`, {
          line: page.line ?? 1,
        });
      }
      const issue = asRecord(raw);
      const fields = asRecord(issue?.fields);
      const key = asText(issue?.key).trim();
      const line = page.line;
      const summary = asText(fields?.summary).trim();
      const problem =
        !issue || !fields ? 'not an issue object' : !key ? 'no key' : !summary ? 'no summary' : null;
      if (problem || !fields) {
        skipped.push({ line, externalKey: key || null, reason: problem ?? 'not an issue object' });
        continue;
      }
      if (seen.has(key)) {
        skipped.push({ line, externalKey: key, reason: `duplicate issue ${key} (pages overlap?)` });
        continue;
      }
      seen.add(key);
      const issueType = asText(asRecord(fields.issuetype)?.name);
      const status = asText(asRecord(fields.status)?.name).trim() || 'To Do';
      const description = markdownOf(fields.description);
      if (isEpicType(issueType)) {
        initiatives.push({
          externalKey: key,
          line,
          title: summary,
          description,
          sourceStatus: status,
          targetDate: parseExportDate(asText(fields.duedate)),
        });
        continue;
      }
      const issueSprints = sprintsOf(fields, ids.sprint);
      for (const sprint of issueSprints)
        if (!sprints.has(sprint.externalKey)) sprints.set(sprint.externalKey, sprint);
      const versions = asArray(fields.fixVersions)
        .slice(0, 100)
        .map(releaseOf)
        .filter((r) => r !== null);
      for (const release of versions)
        if (!releases.has(release.externalKey)) releases.set(release.externalKey, release);
      const parent = parentRef(fields, ids);
      if (parent) parentOf.set(key, parent);
      dependencies.push(...blockLinks(key, fields.issuelinks, line));
      items.push({
        externalKey: key,
        line,
        type: itemTypeOf(issueType),
        title: summary,
        description,
        sourceStatus: status,
        acceptanceCriteria: criteriaOf(textField(fields, ids.acceptance)),
        estimate: numberField(fields, ids.points),
        labels: splitLabels(asArray(fields.labels).map(asText), /\s+/),
        initiativeKey: null,
        sprintKey: issueSprints.at(-1)?.externalKey ?? null,
        releaseKey: versions[0]?.externalKey ?? null,
        priority: asText(asRecord(fields.priority)?.name) || null,
        dueDate: parseExportDate(asText(fields.duedate)),
        createdAt: parseExportTimestamp(asText(fields.created)),
        updatedAt: parseExportTimestamp(asText(fields.updated)),
        comments: commentsOf(fields.comment),
      });
    }
  }

  const epics = new Set(initiatives.map((i) => i.externalKey));
  for (const item of items) {
    const parent = parentOf.get(item.externalKey);
    if (parent === undefined) continue;
    if (epics.has(parent) || !seen.has(parent)) {
      // An epic, or a parent outside the file (finishing reports it when it is not an epic here).
      item.initiativeKey = parent;
      continue;
    }
    // A sub-task joins its parent's epic, one level up only.
    const grandparent = parentOf.get(parent);
    item.initiativeKey = grandparent !== undefined && epics.has(grandparent) ? grandparent : null;
  }

  return finishBundle('jira-json', {
    rows,
    items,
    initiatives,
    sprints: [...sprints.values()],
    releases: [...releases.values()],
    dependencies,
    skipped,
  });
}

function readPages(text: string): Page[] {
  const trimmed = text.trim();
  const firstLine = trimmed
    .slice(0, trimmed.indexOf('\n') === -1 ? trimmed.length : trimmed.indexOf('\n'))
    .trim();
  // JSON Lines: every line a whole page. A pretty-printed page or array opens with a line of its own.
  const jsonLines = trimmed.includes('\n') && firstLine.startsWith('{') && firstLine.endsWith('}');
  if (!jsonLines) return pagesOf(parseJsonText(text, 'Jira JSON'), null);
  const pages: Page[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (line === '') continue;
    pages.push(...pagesOf(parseJsonText(line, 'Jira JSON Lines file', i), i + 1));
  }
  return pages;
}

function pagesOf(value: unknown, line: number | null): Page[] {
  const list = Array.isArray(value) ? value : [value];
  // An array of issues (not pages) is one page.
  if (
    list.length > 0 &&
    list.every((v) => asRecord(v)?.fields !== undefined && asRecord(v)?.key !== undefined)
  ) {
    return [{ line, issues: list, names: null }];
  }
  return list.map((raw, index) => {
    const page = asRecord(raw);
    if (!page || !Array.isArray(page.issues)) {
      const where = line ?? 1;
      throw new AppError(
        'invalid_import',
        `line ${where}: ${list.length > 1 ? `page ${index + 1} ` : ''}is not a Jira search result (no "issues")`,
        { line: where },
      );
    }
    return { line, issues: page.issues, names: asRecord(page.names) };
  });
}

function markdownOf(value: unknown): string {
  const { text, isWiki } = richText(value);
  return isWiki ? jiraWikiToMarkdown(text) : text;
}

function releaseOf(value: unknown): ImportedRelease | null {
  const version = asRecord(value);
  const name = asText(version?.name).trim();
  if (!version || !name) return null;
  return {
    externalKey: asText(version.id) || name,
    name,
    releaseDate: parseExportDate(asText(version.releaseDate)),
    released: version.released === true,
  };
}

/** The epic link custom field (older Jira), else `parent` (newer Jira; epics and sub-tasks alike). */
function parentRef(fields: Record<string, unknown>, ids: CustomFieldIds): string | null {
  const epicLink = textField(fields, ids.epicLink);
  if (epicLink && isIssueKey(epicLink)) return epicLink;
  const parent = asText(asRecord(fields.parent)?.key).trim();
  return parent || null;
}

/** "Blocks" links: an outward issue is blocked by this one; an inward issue blocks it. */
function blockLinks(key: string, links: unknown, line: number | null): ImportedDependency[] {
  const found: ImportedDependency[] = [];
  for (const raw of asArray(links).slice(0, 1000)) {
    const link = asRecord(raw);
    const type = asRecord(link?.type);
    const typeName = asText(type?.name).toLowerCase();
    const blocking =
      typeName === 'blocks' || typeName === 'blocker' || asText(type?.outward).toLowerCase() === 'blocks';
    if (!link || !blocking) continue;
    const outward = asText(asRecord(link.outwardIssue)?.key);
    const inward = asText(asRecord(link.inwardIssue)?.key);
    if (outward) found.push({ blockerKey: key, blockedKey: outward, line });
    if (inward) found.push({ blockerKey: inward, blockedKey: key, line });
  }
  return found;
}

function commentsOf(value: unknown): ImportedComment[] {
  const list = asArray(asRecord(value)?.comments).slice(0, MAX_COMMENTS);
  const comments: ImportedComment[] = [];
  for (const raw of list) {
    const comment = asRecord(raw);
    if (!comment) continue;
    const body = markdownOf(comment.body);
    if (body.trim() === '') continue;
    const author = asRecord(comment.author);
    comments.push({
      author: asText(author?.emailAddress) || asText(author?.displayName) || null,
      at: parseExportTimestamp(asText(comment.created)),
      body,
    });
  }
  return comments;
}

function criteriaOf(text: string): ImportedItem['acceptanceCriteria'] {
  if (text === '') return [];
  return text
    .split('\n', 1000)
    .map((line) => line.replace(/^\s*(?:[-*#]+\s+|\d{1,3}[.)]\s+)?/, '').trim())
    .filter((line) => line !== '')
    .map((line) => ({ text: line, done: false }));
}

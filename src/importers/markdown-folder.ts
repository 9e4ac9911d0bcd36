/**
 * A folder of Markdown task files (Backlog.md's `backlog/` folder: `tasks/task-12 - Title.md`, with
 * `completed/`, `milestones/`, `drafts/`, `archive/`, `docs/`, `decisions/` beside it) → an ImportBundle.
 * Tasks become items ordered by their `ordinal` (Backlog.md's board order), then by id. Milestones become
 * releases. `dependencies` become dependencies (each one blocks the task). A parent task is "epic-like"
 * and becomes an initiative when its `type` or a label says "epic", or when other tasks name it as
 * `parent_task_id`/`parent`; its sub-tasks become its items. Drafts, archived tasks, docs and decisions are
 * reported and not imported.
 */
import { AppError } from '../services/errors.ts';
import type {
  ImportBundle,
  ImportedInitiative,
  ImportedItem,
  ImportedRelease,
  ImportProblem,
} from './bundle.ts';
import { splitLabels } from './columns.ts';
import { parseExportDate, parseExportTimestamp } from './dates.ts';
import { decodeText } from './decode-text.ts';
import { finishBundle } from './finish-bundle.ts';
import { type ParsedTaskFile, parseTaskFile, TaskFileProblem } from './markdown-task.ts';

/** One file of a Markdown task folder: `path` relative to the folder ("backlog/tasks/task-1 - X.md"). */
export interface MarkdownFile {
  path: string;
  bytes: Uint8Array;
}

/** Most files one folder may hold. */
export const MAX_MARKDOWN_FILES = 20_000;
/** Largest task file read; larger ones are reported and skipped. */
export const MAX_MARKDOWN_FILE_BYTES = 1024 * 1024;

interface Task {
  path: string;
  id: string;
  file: ParsedTaskFile;
}

/** Parses a Markdown task folder's files (already read or unzipped). */
export function parseMarkdownFiles(files: readonly MarkdownFile[]): ImportBundle {
  if (files.length > MAX_MARKDOWN_FILES) {
    throw new AppError('invalid_import', `line 1: the folder holds more than ${MAX_MARKDOWN_FILES} files`, {
      line: 1,
    });
  }
  const skipped: ImportProblem[] = [];
  const tasks: Task[] = [];
  const milestones: Task[] = [];
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  for (const { path, bytes } of sorted) {
    if (!/\.(md|markdown)$/i.test(path)) continue;
    const ignored = ignoredReason(path);
    if (ignored) {
      skipped.push({ line: null, externalKey: path, reason: ignored });
      continue;
    }
    if (bytes.length > MAX_MARKDOWN_FILE_BYTES) {
      skipped.push({ line: null, externalKey: path, reason: 'the file is larger than 1 MB' });
      continue;
    }
    let file: ParsedTaskFile;
    try {
      file = parseTaskFile(decodeText(bytes).text);
    } catch (error) {
      if (!(error instanceof TaskFileProblem)) throw error;
      skipped.push({ line: error.line, externalKey: path, reason: `${path}: ${error.message}` });
      continue;
    }
    const id = text(file.meta.id) || idFromPath(path);
    if (!id) {
      skipped.push({ line: 1, externalKey: path, reason: `${path}: no id in the front matter or file name` });
      continue;
    }
    (/(^|\/)milestones\//i.test(path) ? milestones : tasks).push({ path, id, file });
  }
  return finishBundle('markdown-folder', buildDraft(files.length, tasks, milestones, skipped));
}

function buildDraft(rows: number, allTasks: Task[], milestones: Task[], skipped: ImportProblem[]) {
  const byKey = new Map<string, Task>();
  const tasks: Task[] = [];
  for (const task of allTasks) {
    const key = task.id.toLowerCase();
    const first = byKey.get(key);
    if (first) {
      skipped.push({
        line: 1,
        externalKey: task.id,
        reason: `${task.path}: duplicate id ${task.id} (also ${first.path})`,
      });
      continue;
    }
    byKey.set(key, task);
    tasks.push(task);
  }
  const canonical = (ref: string) => byKey.get(ref.toLowerCase())?.id ?? ref;
  const parentOf = (task: Task) => {
    const ref =
      text(task.file.meta.parent_task_id) || text(task.file.meta.parent_task) || text(task.file.meta.parent);
    return ref ? canonical(ref) : null;
  };
  const parents = new Set(tasks.map(parentOf).filter((p): p is string => p !== null));
  const isEpic = (task: Task) =>
    parents.has(task.id) ||
    text(task.file.meta.type).toLowerCase() === 'epic' ||
    labelsOf(task).some((l) => l.toLowerCase() === 'epic');

  const releases = new Map<string, ImportedRelease>();
  const releaseByName = new Map<string, string>();
  for (const m of milestones) {
    const name = text(m.file.meta.title) || m.id;
    releases.set(m.id, { externalKey: m.id, name, releaseDate: dateOf(m.file.meta, 'due'), released: false });
    releaseByName.set(name.toLowerCase(), m.id);
    releaseByName.set(m.id.toLowerCase(), m.id);
  }

  const initiatives: ImportedInitiative[] = [];
  const items: (ImportedItem & { ordinal: number })[] = [];
  const dependencies: { blockerKey: string; blockedKey: string; line: number | null }[] = [];
  for (const task of tasks) {
    const { meta, description, acceptanceCriteria } = task.file;
    const title = text(meta.title);
    if (!title) {
      skipped.push({ line: 2, externalKey: task.id, reason: `${task.path}: no title` });
      continue;
    }
    const status = text(meta.status) || 'To Do';
    if (isEpic(task)) {
      initiatives.push({
        externalKey: task.id,
        line: null,
        title,
        description,
        sourceStatus: status,
        targetDate: dateOf(meta, 'due'),
      });
      continue;
    }
    for (const dep of list(meta.dependencies)) {
      dependencies.push({ blockerKey: canonical(dep), blockedKey: task.id, line: null });
    }
    const parent = parentOf(task);
    items.push({
      externalKey: task.id,
      line: null,
      type: typeOf(text(meta.type)),
      title,
      description,
      sourceStatus: status,
      acceptanceCriteria,
      estimate: null,
      labels: labelsOf(task),
      initiativeKey: parent,
      sprintKey: null,
      releaseKey: milestoneOf(meta.milestone, releases, releaseByName),
      priority: text(meta.priority) || null,
      dueDate: dateOf(meta, 'due'),
      createdAt: parseExportTimestamp(text(meta.created_date) || text(meta.createdDate)),
      updatedAt: parseExportTimestamp(text(meta.updated_date) || text(meta.updatedDate)),
      comments: [],
      ordinal: typeof meta.ordinal === 'number' && Number.isFinite(meta.ordinal) ? meta.ordinal : Infinity,
    });
  }
  items.sort((a, b) => a.ordinal - b.ordinal || compareIds(a.externalKey, b.externalKey));
  return {
    rows,
    items: items.map(({ ordinal: _ordinal, ...item }) => item),
    initiatives,
    sprints: [],
    releases: [...releases.values()],
    dependencies,
    skipped,
  };
}

/** Folders Backlog.md keeps beside `tasks/` that hold no live tasks. */
function ignoredReason(path: string): string | null {
  const lower = `/${path.toLowerCase()}`;
  if (lower.includes('/drafts/')) return 'drafts are not imported';
  if (lower.includes('/archive/')) return 'archived tasks are not imported';
  if (lower.includes('/docs/') || lower.includes('/decisions/'))
    return 'documents and decisions are not imported';
  if (/\/readme\.md$/.test(lower)) return 'not a task file';
  return null;
}

/** "task-12 - Title.md" → "task-12"; "back-355.01 - X.md" → "back-355.01". */
function idFromPath(path: string): string {
  const name = path.split('/').at(-1) ?? '';
  return /^([A-Za-z][\w]*-\d+(?:\.\d+)*)/.exec(name)?.[1] ?? '';
}

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
  return '';
}

/** A YAML list, or a comma-separated string, of names. */
function list(value: unknown): string[] {
  const values = Array.isArray(value) ? value.slice(0, 1000).map(text) : text(value).split(',', 1000);
  return values.map((v) => v.trim()).filter((v) => v !== '');
}

function labelsOf(task: Task): string[] {
  return splitLabels(list(task.file.meta.labels), /,/);
}

function dateOf(meta: Record<string, unknown>, kind: 'due'): string | null {
  if (kind !== 'due') return null;
  return parseExportDate(text(meta.due_date) || text(meta.dueDate) || text(meta.due));
}

function milestoneOf(
  value: unknown,
  releases: Map<string, ImportedRelease>,
  byName: Map<string, string>,
): string | null {
  const name = text(value);
  if (!name) return null;
  const known = byName.get(name.toLowerCase());
  if (known) return known;
  // A milestone named only in tasks (older Backlog.md) is a release of that name.
  releases.set(name, { externalKey: name, name, releaseDate: null, released: false });
  byName.set(name.toLowerCase(), name);
  return name;
}

/** Backlog.md types: bug, feature, enhancement, task, chore, docs, spike. */
function typeOf(type: string): ImportedItem['type'] {
  const t = type.toLowerCase();
  if (t === 'bug') return 'bug';
  if (t === 'spike') return 'spike';
  if (t === 'feature' || t === 'enhancement' || t === 'story') return 'story';
  return 'task';
}

/** "task-2" before "task-10": compares the numeric parts as numbers. */
function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true, sensitivity: 'base' });
}

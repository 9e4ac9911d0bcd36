/**
 * What every importer produces from another tool's export, and what the import service writes: the one
 * shape between the parsers (src/importers, pure: bytes in, bundle out) and the service (src/services/
 * imports, which maps it onto products, with external keys, dry runs and conflicts). Parsers keep the
 * source tool's words (status names, sprint names); the service maps them.
 */
import type { ItemStatusName } from '../domain/item-status.ts';

export type ImportKind = 'jira' | 'trello' | 'linear' | 'markdown';

/** Which export a file turned out to be. */
export type ImportFormat = 'jira-csv' | 'jira-json' | 'trello-json' | 'linear-csv' | 'markdown-folder';

/** A row (or card, or file) the importer could not use, and why; `line` is 1-based in the source file. */
export interface ImportProblem {
  line: number | null;
  /** The source's key for the row when it has one (PROJ-12, a card id, a file name). */
  externalKey: string | null;
  reason: string;
}

export interface ImportedComment {
  /** The author's name or e-mail as the source gives it (matched to a Cairn user by e-mail if possible). */
  author: string | null;
  at: string | null;
  /** Markdown. */
  body: string;
}

export interface ImportedItem {
  /** Unique within the source: PROJ-12, a Trello card id, a Linear id (ENG-4), a Markdown task id. */
  externalKey: string;
  line: number | null;
  type: 'story' | 'task' | 'bug' | 'spike';
  title: string;
  /** Markdown (Jira wiki markup already converted). */
  description: string;
  /** The source tool's status name, as written there ("In Progress", a Trello list's name). */
  sourceStatus: string;
  acceptanceCriteria: { text: string; done: boolean }[];
  estimate: number | null;
  labels: string[];
  /** External key of the epic/parent in `initiatives`, or null. */
  initiativeKey: string | null;
  /** External key of a sprint in `sprints` (the last one when the source lists several), or null. */
  sprintKey: string | null;
  /** External key of a release in `releases` (the first fix version), or null. */
  releaseKey: string | null;
  priority: string | null;
  dueDate: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  comments: ImportedComment[];
}

export interface ImportedInitiative {
  externalKey: string;
  line: number | null;
  title: string;
  description: string;
  sourceStatus: string;
  targetDate: string | null;
}

export interface ImportedSprint {
  /** Jira's sprint id when known, else its name. */
  externalKey: string;
  name: string;
  state: 'planned' | 'active' | 'closed' | null;
  startDate: string | null;
  endDate: string | null;
}

export interface ImportedRelease {
  externalKey: string;
  name: string;
  releaseDate: string | null;
  released: boolean;
}

/** "blocker blocks blocked": both are external keys of items in the bundle. */
export interface ImportedDependency {
  blockerKey: string;
  blockedKey: string;
  line: number | null;
}

export interface ImportBundle {
  format: ImportFormat;
  /** Rows (cards, files) read from the source, skipped ones included. */
  rows: number;
  items: ImportedItem[];
  initiatives: ImportedInitiative[];
  sprints: ImportedSprint[];
  releases: ImportedRelease[];
  dependencies: ImportedDependency[];
  skipped: ImportProblem[];
  /** The distinct source statuses of items and initiatives, in order of first appearance. */
  statuses: string[];
}

/** Source status name → Cairn status; the user edits it in the preview. */
export type StatusMapping = Record<string, ItemStatusName>;

/**
 * The tools Cairn imports from, as the wizard offers them: what to pick, how to get the file out of the
 * tool, which files the picker accepts and the Content-Type the upload declares (the server reads the
 * body by it). Pure: no React, so the rules are tested on their own.
 */

/** The `kind` the import API takes. */
export type ImportKindName = 'jira' | 'trello' | 'linear' | 'markdown';

export interface ImportSource {
  kind: ImportKindName;
  /** What the choice is called in the wizard. */
  label: string;
  /** One line on how to export the file from that tool. */
  howTo: string;
  /** The picker's `accept` attribute. */
  accept: string;
}

export const IMPORT_SOURCES: readonly ImportSource[] = [
  {
    kind: 'jira',
    label: 'Jira (CSV or JSON)',
    howTo:
      'In Jira, search the issues to bring (e.g. project = PROJ), then Export → Export CSV (all fields), or export the issues as JSON.',
    accept: '.csv,.json,text/csv,application/json',
  },
  {
    kind: 'trello',
    label: 'Trello (JSON)',
    howTo: 'On the board, open Menu → More → Print, export and share → Export as JSON.',
    accept: '.json,application/json',
  },
  {
    kind: 'linear',
    label: 'Linear (CSV)',
    howTo: 'In Linear, open Settings → Import / Export → Export CSV, or select issues and use Export as CSV.',
    accept: '.csv,text/csv',
  },
  {
    kind: 'markdown',
    label: 'Markdown folder (.zip)',
    howTo:
      'Zip the folder of .md files (one item per file, or task lists); its sub-folders become initiatives.',
    accept: '.zip,application/zip',
  },
];

/** The source of a kind (the list holds every kind). */
export function sourceOf(kind: ImportKindName): ImportSource {
  return IMPORT_SOURCES.find((source) => source.kind === kind) ?? (IMPORT_SOURCES[0] as ImportSource);
}

/** The media types the import route reads. */
export type ImportContentType = 'text/csv' | 'application/json' | 'application/zip';

/**
 * The Content-Type to upload a file with. The name's ending decides, not the browser's guess: Windows
 * calls a CSV `application/vnd.ms-excel`, and many systems give no type at all. A file without a known
 * ending falls back to what the source exports.
 */
export function contentTypeOf(kind: ImportKindName, fileName: string): ImportContentType {
  const name = fileName.toLowerCase();
  if (name.endsWith('.zip')) return 'application/zip';
  if (name.endsWith('.json')) return 'application/json';
  if (name.endsWith('.csv')) return 'text/csv';
  switch (kind) {
    case 'markdown':
      return 'application/zip';
    case 'trello':
      return 'application/json';
    case 'jira':
    case 'linear':
      return 'text/csv';
  }
}

/** A byte count for people, in binary units as the server's limits are: 812 B, 13.9 KB, 50 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, 'KB'] : [bytes / (1024 * 1024), 'MB'];
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${unit}`;
}

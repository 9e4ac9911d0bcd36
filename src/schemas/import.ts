/**
 * Imports from Jira, Trello, Linear and Markdown folders: the query of POST /products/{id}/imports and the
 * report it answers (the same report for a dry run and a real run; the web wizard renders it).
 */
import { ITEM_STATUSES, type ItemStatusName } from '../domain/item-status.ts';
import { z } from './common.ts';
import { ItemStatus, ItemType } from './item.ts';

export const IMPORT_KINDS = ['jira', 'trello', 'linear', 'markdown'] as const;
export const IMPORT_FORMATS = [
  'jira-csv',
  'jira-json',
  'trello-json',
  'linear-csv',
  'markdown-folder',
] as const;

/** How much of a report's lists is sent; the totals beside them count everything. */
export const IMPORT_REPORT_CAPS = {
  conflicts: 1_000,
  skipped: 1_000,
  previewItems: 200,
  previewInitiatives: 200,
  statusMapping: 500,
} as const;

/** The largest export file the import route reads. The rest of the API keeps its 1 MiB limit. */
export const IMPORT_MAX_BYTES = 50 * 1024 * 1024;
/** The longest `statusMap` query value. */
export const STATUS_MAP_MAX_CHARS = 8_192;

export const ImportKind = z
  .enum(IMPORT_KINDS)
  .describe('The tool the export comes from.')
  .openapi('ImportKind');
export type ImportKind = z.infer<typeof ImportKind>;

export const ImportFormat = z
  .enum(IMPORT_FORMATS)
  .describe('Which export the file turned out to be.')
  .openapi('ImportFormat');

const isStatus = (s: unknown): s is ItemStatusName =>
  typeof s === 'string' && (ITEM_STATUSES as readonly string[]).includes(s);

/** Parses the `statusMap` query value: a JSON object from source status name to a Cairn status. */
export const StatusMapParam = z
  .string()
  .max(STATUS_MAP_MAX_CHARS, `must be at most ${STATUS_MAP_MAX_CHARS} characters`)
  .transform((raw, ctx): Record<string, ItemStatusName> => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return z.NEVER;
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
      return z.NEVER;
    }
    const map: Record<string, ItemStatusName> = Object.create(null);
    // The 8 kB cap bounds the entry count.
    for (const [source, status] of Object.entries(parsed)) {
      if (!isStatus(status)) {
        ctx.addIssue({
          code: 'custom',
          message: `maps "${source.slice(0, 80)}" to an unknown status; use one of ${ITEM_STATUSES.join(', ')}`,
        });
        return z.NEVER;
      }
      map[source] = status;
    }
    return map;
  });

export const ImportQuery = z.object({
  kind: ImportKind,
  dryRun: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true')
    .describe('true (the default) reports what the import would do and writes nothing.')
    .openapi({ type: 'string', enum: ['true', 'false'] }),
  statusMap: StatusMapParam.optional().openapi({
    type: 'string',
    description:
      'A JSON object from a source status name to a Cairn status, overriding the default mapping ' +
      '(e.g. {"Waiting for QA":"in_review"}).',
    example: '{"Waiting for QA":"in_review"}',
  }),
});
export type ImportQuery = z.infer<typeof ImportQuery>;

const Action = z.enum(['create', 'update', 'unchanged']).openapi('ImportAction');

const Counts = z
  .object({
    items: z.number().int(),
    initiatives: z.number().int(),
    sprints: z.number().int(),
    releases: z.number().int(),
    dependencies: z.number().int(),
    comments: z.number().int(),
  })
  .openapi('ImportCounts');
export type ImportCounts = z.infer<typeof Counts>;

export const StatusMappingRow = z
  .object({
    source: z.string().describe("The source tool's status name."),
    status: ItemStatus.describe('The Cairn status it maps to (the default guess or the statusMap).'),
    items: z.number().int().describe('How many imported items have this source status.'),
  })
  .openapi('ImportStatusMapping');

export const ImportConflict = z
  .object({
    externalKey: z.string(),
    itemKey: z.string().nullable().describe("The Cairn item's key, null for a non-item object."),
    field: z.string(),
    cairnValue: z.unknown().describe('The value kept: edited in Cairn since the last import.'),
    importedValue: z.unknown().describe('The value in the file, not written.'),
  })
  .openapi('ImportConflict');

export const ImportSkipped = z
  .object({
    line: z.number().int().nullable().describe('1-based line (or row) in the file, when known.'),
    externalKey: z.string().nullable(),
    reason: z.string(),
  })
  .openapi('ImportSkipped');

export const ImportPreviewItem = z
  .object({
    externalKey: z.string(),
    key: z.string().nullable().describe("The Cairn item's key; null for an item a dry run would create."),
    title: z.string(),
    type: ItemType,
    status: ItemStatus,
    action: Action,
  })
  .openapi('ImportPreviewItem');

export const ImportPreviewInitiative = z
  .object({ externalKey: z.string(), title: z.string(), action: Action })
  .openapi('ImportPreviewInitiative');

export const ImportReport = z
  .object({
    kind: ImportKind,
    format: ImportFormat,
    dryRun: z.boolean().describe('true when nothing was written.'),
    rows: z.number().int().describe('Rows (cards, files) read from the file, skipped ones included.'),
    statusMapping: z.array(StatusMappingRow).describe('Each source status, in order of first appearance.'),
    created: Counts,
    updated: Counts,
    unchanged: Counts,
    conflicts: z
      .array(ImportConflict)
      .describe(
        `Fields edited in Cairn since the last import, kept; the first ${IMPORT_REPORT_CAPS.conflicts}.`,
      ),
    conflictsTotal: z.number().int(),
    skipped: z
      .array(ImportSkipped)
      .describe(`Rows not imported, with the reason; the first ${IMPORT_REPORT_CAPS.skipped}.`),
    skippedTotal: z.number().int(),
    notes: z
      .array(z.string())
      .describe('What the import decided that the counts do not show (placeholder sprint dates).'),
    preview: z.object({
      items: z.array(ImportPreviewItem).describe(`The first ${IMPORT_REPORT_CAPS.previewItems} items.`),
      initiatives: z
        .array(ImportPreviewInitiative)
        .describe(`The first ${IMPORT_REPORT_CAPS.previewInitiatives} initiatives.`),
    }),
  })
  .openapi('ImportReport');
export type ImportReport = z.infer<typeof ImportReport>;

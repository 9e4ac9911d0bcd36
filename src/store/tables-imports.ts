/** The tables of imports (migration 016). Part of store/tables.ts's `Tables`; same column conventions. */

/** Which Cairn object an external key (PROJ-12, a Trello card id) became in a product. */
export interface ImportLinksTable {
  product_id: string;
  kind: 'jira' | 'trello' | 'linear' | 'markdown';
  entity_type: 'item' | 'initiative' | 'sprint' | 'release' | 'dependency';
  external_key: string;
  entity_id: string;
  /** JSON: the field values as last imported (services/imports/plan-import.ts), for conflicts. */
  imported: string;
  imported_at: string;
}

/** One import that was written (dry runs leave no row). */
export interface ImportRunsTable {
  id: string;
  product_id: string;
  kind: string;
  format: string;
  actor_id: string | null;
  rows: number;
  /** JSON: counts and totals of the report. */
  summary: string;
  created_at: string;
}

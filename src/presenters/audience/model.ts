/**
 * The one model the three audience views are presented from: plain data, loaded once by
 * services/audience/load-audience-model.ts. Each presenter picks what its audience may see.
 */
import type { Progress } from '../../domain/progress.ts';
import type { ChangeValue } from '../../schemas/audience.ts';

export interface AudienceInitiative {
  id: string;
  title: string;
  /** Internal summary (Markdown). */
  summary: string;
  publicSummary: string;
  themeId: string | null;
  objectiveIds: readonly string[];
  horizon: 'now' | 'next' | 'later';
  startDate: string | null;
  targetDate: string | null;
  confidence: 'committed' | 'planned' | 'exploratory';
  visibility: 'internal' | 'public';
  status: 'proposed' | 'active' | 'done' | 'dropped';
  successMetrics: readonly string[];
}

export interface AudienceMetric {
  name: string;
  baseline: string | null;
  target: string | null;
  measured: string | null;
}

export interface AudienceRisk {
  kind: 'forecast_misses_target' | 'no_work';
  message: string;
}

/** One entry of the roadmap's changelog: an announcement, or a pivot made without one. */
export interface AudienceChange {
  id: string;
  initiativeId: string;
  at: string;
  actorId: string | null;
  announced: boolean;
  text: string | null;
  publicText: string | null;
  /** Field → [before, after]. */
  changes: Readonly<Record<string, readonly [unknown, unknown]>>;
}

export interface AudienceModel {
  product: { id: string; key: string; name: string };
  /** Live initiatives, in roadmap order (horizon, then creation). */
  initiatives: readonly AudienceInitiative[];
  themes: readonly { id: string; name: string }[];
  objectives: readonly { id: string; title: string }[];
  /** Backlog progress per initiative (the team view; empty when not loaded). */
  progress: ReadonlyMap<string, Progress>;
  /** Outcome metrics from each initiative's PRD (executive and team views; empty when not loaded). */
  prdMetrics: ReadonlyMap<string, readonly AudienceMetric[]>;
  /** Risks per initiative from the forecast and alignment analyses (the executive view). */
  risks: ReadonlyMap<string, readonly AudienceRisk[]>;
  /** Newest first. */
  changelog: readonly AudienceChange[];
  /** More initiatives than a view lists. */
  truncated: boolean;
}

export const HORIZON_LABELS = { now: 'Now', next: 'Next', later: 'Later' } as const;

export function emptyModel(product: AudienceModel['product']): AudienceModel {
  return {
    product,
    initiatives: [],
    themes: [],
    objectives: [],
    progress: new Map(),
    prdMetrics: new Map(),
    risks: new Map(),
    changelog: [],
    truncated: false,
  };
}

/** A changed value as a view shows it: texts, numbers, flags and lists of texts as they are; else as JSON. */
export function changeValue(value: unknown): ChangeValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));
  return JSON.stringify(value);
}

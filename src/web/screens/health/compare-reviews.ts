/**
 * Two review snapshots side by side: each figure before and after with its difference, which initiatives
 * became or stopped being at risk, and how each initiative's forecast moved. Pure: the screen only shows it.
 * Differences are taken between the values as shown (rounded), so "62% → 71%" always reads "+9 pts".
 */
import {
  DRIFT_LABELS,
  type DriftKindT,
  percent,
  points,
  type SnapshotT,
  snapshotDay,
} from './health-text.ts';

/** Whether a rise is good news, bad news, or neither (the size of the backlog). */
type Better = 'up' | 'down' | null;
type Format = 'count' | 'points' | 'share';

export interface FigureChange {
  id: string;
  label: string;
  before: string;
  after: string;
  /** The difference in the shown unit: items, points, or percentage points for shares. */
  delta: number;
  deltaText: string;
  trend: 'better' | 'worse' | 'neutral' | 'same';
}

export interface InitiativeRef {
  initiativeId: string;
  title: string;
}

export interface ForecastMove extends InitiativeRef {
  /** The 85 % date (or its state) in each snapshot; null when the initiative was not open then. */
  before: string | null;
  after: string | null;
  onTimeBefore: string | null;
  onTimeAfter: string | null;
}

export interface ReviewComparison {
  figures: FigureChange[];
  drift: FigureChange[];
  /** At risk in the later snapshot and not in the earlier one (newly open ones included). */
  newlyAtRisk: InitiativeRef[];
  /** At risk in the earlier snapshot and not in the later one (closed ones included). */
  noLongerAtRisk: InitiativeRef[];
  forecasts: ForecastMove[];
}

function shown(value: number, format: Format): number {
  if (format === 'share') return Math.round(value * 100);
  if (format === 'points') return Math.round(value * 10) / 10;
  return value;
}

function text(value: number, format: Format): string {
  if (format === 'share') return percent(value);
  if (format === 'points') return points(value);
  return String(value);
}

/** +9 pts, −3, no change (a true minus sign, read as "minus"). */
export function deltaText(delta: number, format: Format): string {
  if (delta === 0) return 'no change';
  const size = format === 'points' ? points(Math.abs(delta)) : String(Math.abs(delta));
  return `${delta > 0 ? '+' : '−'}${size}${format === 'share' ? ' pts' : ''}`;
}

function figure(id: string, label: string, before: number, after: number, format: Format, better: Better) {
  const delta = Math.round((shown(after, format) - shown(before, format)) * 10) / 10;
  const trend: FigureChange['trend'] =
    delta === 0 ? 'same' : better === null ? 'neutral' : delta > 0 === (better === 'up') ? 'better' : 'worse';
  return {
    id,
    label,
    before: text(before, format),
    after: text(after, format),
    delta,
    deltaText: deltaText(delta, format),
    trend,
  };
}

const atRisk = (snapshot: SnapshotT) => snapshot.forecast.filter((entry) => entry.atRisk);

function onTime(probability: number | null): string {
  return probability === null ? '—' : percent(probability);
}

/** Compares an earlier snapshot with a later one. */
export function compareSnapshots(earlier: SnapshotT, later: SnapshotT): ReviewComparison {
  const a = earlier.alignment;
  const b = later.alignment;
  const figures: FigureChange[] = [
    figure('openItems', 'Open items', a.openItems, b.openItems, 'count', null),
    figure('openPoints', 'Open points', a.openPoints, b.openPoints, 'points', null),
    figure(
      'linkedItems',
      'Open items linked to an initiative',
      a.linkedItemShare,
      b.linkedItemShare,
      'share',
      'up',
    ),
    figure(
      'linkedPoints',
      'Open points linked to an initiative',
      a.linkedPointShare,
      b.linkedPointShare,
      'share',
      'up',
    ),
    figure('orphans', 'Open items serving no initiative', a.orphanItems, b.orphanItems, 'count', 'down'),
    figure(
      'idle',
      'Initiatives in now or next without work',
      a.initiativesWithoutWork,
      b.initiativesWithoutWork,
      'count',
      'down',
    ),
    figure('atRisk', 'Initiatives at risk', atRisk(earlier).length, atRisk(later).length, 'count', 'down'),
    figure(
      'blocked',
      'Blocked items',
      earlier.blockers.blockedItems,
      later.blockers.blockedItems,
      'count',
      'down',
    ),
    figure(
      'unmet',
      'External dependencies not met',
      earlier.blockers.unmetExternals,
      later.blockers.unmetExternals,
      'count',
      'down',
    ),
    figure(
      'overdue',
      'External dependencies overdue',
      earlier.blockers.overdueExternals,
      later.blockers.overdueExternals,
      'count',
      'down',
    ),
    figure(
      'changes',
      'Roadmap changes since the review before',
      earlier.changesTotal,
      later.changesTotal,
      'count',
      null,
    ),
  ];

  const kinds = [...new Set([...Object.keys(a.drift), ...Object.keys(b.drift)])];
  const drift = kinds
    .map((kind) =>
      figure(
        `drift-${kind}`,
        DRIFT_LABELS[kind as DriftKindT] ?? kind,
        a.drift[kind] ?? 0,
        b.drift[kind] ?? 0,
        'count',
        // Roadmap changes are the roadmap being steered, not drift to undo: neither better nor worse.
        kind === 'roadmap_changed' ? null : 'down',
      ),
    )
    .sort((x, y) => x.label.localeCompare(y.label));

  const riskBefore = new Set(atRisk(earlier).map((entry) => entry.initiativeId));
  const riskAfter = new Set(atRisk(later).map((entry) => entry.initiativeId));
  const ref = ({ initiativeId, title }: InitiativeRef) => ({ initiativeId, title });
  const newlyAtRisk = atRisk(later)
    .filter((entry) => !riskBefore.has(entry.initiativeId))
    .map(ref);
  const noLongerAtRisk = atRisk(earlier)
    .filter((entry) => !riskAfter.has(entry.initiativeId))
    .map(ref);

  // Every initiative of either snapshot: those open in the later one in its order, then those since closed.
  const beforeById = new Map(earlier.forecast.map((entry) => [entry.initiativeId, entry]));
  const afterIds = new Set(later.forecast.map((entry) => entry.initiativeId));
  const forecasts: ForecastMove[] = [
    ...later.forecast.map((entry) => {
      const previous = beforeById.get(entry.initiativeId);
      return {
        ...ref(entry),
        before: previous ? snapshotDay(previous) : null,
        after: snapshotDay(entry),
        onTimeBefore: previous ? onTime(previous.probabilityOnTime) : null,
        onTimeAfter: onTime(entry.probabilityOnTime),
      };
    }),
    ...earlier.forecast
      .filter((entry) => !afterIds.has(entry.initiativeId))
      .map((entry) => ({
        ...ref(entry),
        before: snapshotDay(entry),
        after: null,
        onTimeBefore: onTime(entry.probabilityOnTime),
        onTimeAfter: null,
      })),
  ];

  return { figures, drift, newlyAtRisk, noLongerAtRisk, forecasts };
}

/** Two recorded moments in time order (earlier first), whichever order they were picked in. */
export function inTimeOrder<T extends { at: string }>(first: T, second: T): [T, T] {
  return first.at <= second.at ? [first, second] : [second, first];
}

/**
 * The words the health screen shows its figures in: shares, drift kinds, forecast outlooks, roadmap
 * changes. Pure, so the screen and the review comparison say the same thing the same way.
 */
import type { analysisApi, DriftT, ForecastT, TargetForecastT } from '../../api/analysis.ts';
import { ApiError } from '../../api/client.ts';
import { HORIZON_LABELS } from '../../api/types.ts';
import { formatDay } from '../../components/dates.ts';
import { INITIATIVE_STATUS_LABELS } from '../roadmap/initiative-text.ts';

export type DriftKindT = DriftT['kind'];
/**
 * A review as the API client answers it. (The client's type has a change's `before` and `after` optional
 * where ReviewT, inferred from the zod schema, has them required: this one is what the cache holds.)
 */
export type ReviewData = Awaited<ReturnType<typeof analysisApi.reviews>>[number];
export type SnapshotT = ReviewData['snapshot'];
export type RoadmapChangeT = SnapshotT['changes'][number];
export type StreamT = ForecastT['streams'][number];

/** Each kind of drift as a heading, in the order the screen lists them (most pressing first). */
export const DRIFT_LABELS: Record<DriftKindT, string> = {
  past_target_with_open_work: 'Past their target date with work still open',
  now_without_progress: 'In “now”, but nothing in progress',
  sprint_work_for_closed_initiative: 'Sprint work for a done or dropped initiative',
  sprint_work_for_later: 'Sprint work for an initiative planned for later',
  roadmap_changed: 'Roadmap changes since the last review',
};

const DRIFT_ORDER = Object.keys(DRIFT_LABELS) as DriftKindT[];

export interface DriftGroup {
  kind: DriftKindT;
  title: string;
  entries: DriftT[];
}

/** The drift findings grouped by kind, in DRIFT_LABELS order; empty kinds are left out. */
export function groupDrift(drift: readonly DriftT[]): DriftGroup[] {
  return DRIFT_ORDER.map((kind) => ({
    kind,
    title: DRIFT_LABELS[kind],
    entries: drift.filter((entry) => entry.kind === kind),
  })).filter((group) => group.entries.length > 0);
}

/** 0.624 → "62%". */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** Points as people write them: 13, 2.5 (one decimal at most). */
export function points(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** "1 item", "3 items". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

export type OutlookTone = 'done' | 'risk' | 'late' | 'ok' | 'unknown';

/** A target's outlook in a word or two, and the tone it is marked with (never by colour alone). */
export function outlook(
  target: Pick<TargetForecastT, 'status' | 'atRisk' | 'targetDate' | 'probabilityOnTime'>,
  today: string,
): { label: string; tone: OutlookTone } {
  if (target.status === 'done') return { label: 'No open work', tone: 'done' };
  // Open work on or after its target date has missed it, whether or not there is history to forecast from.
  if (target.targetDate !== null && target.targetDate < today) return { label: 'Past target', tone: 'late' };
  if (target.targetDate === today) return { label: 'Due today', tone: 'late' };
  if (target.status === 'insufficient-history') return { label: 'No forecast yet', tone: 'unknown' };
  if (target.atRisk) return { label: 'At risk', tone: 'risk' };
  return target.targetDate === null
    ? { label: 'No target date', tone: 'unknown' }
    : { label: 'On track', tone: 'ok' };
}

/** A forecast date: the day, "Not within 3 years" past the horizon, or a dash when there is none. */
export function forecastDay(date: string | null, beyondHorizon: boolean): string {
  if (date !== null) return formatDay(date);
  return beyondHorizon ? 'Not within 3 years' : '—';
}

/** The chance of meeting the target date, or why there is none. */
export function onTimeText(target: Pick<TargetForecastT, 'probabilityOnTime' | 'targetDate'>): string {
  if (target.probabilityOnTime === null) return target.targetDate === null ? 'No target date' : '—';
  return percent(target.probabilityOnTime);
}

/**
 * Why a target has no forecast, naming each stream by its team's name (the server's own warning names
 * streams by id); falls back to that warning when the streams are not at hand.
 */
export function historyWarning(
  target: Pick<TargetForecastT, 'streamIds' | 'warning'>,
  streams: readonly StreamT[],
): string | null {
  const short = target.streamIds
    .map((id) => streams.find((stream) => stream.streamId === id))
    .filter((stream): stream is StreamT => stream?.tooShort === true && stream.warning !== null)
    .map((stream) => `${stream.name}: ${stream.warning}`);
  return short.length > 0 ? short.join('; ') : target.warning;
}

/** A snapshot's forecast of one initiative as a date (snapshots keep no horizon flag: null p85 is beyond). */
export function snapshotDay(entry: Pick<SnapshotT['forecast'][number], 'status' | 'p85'>): string {
  if (entry.status === 'done') return 'No open work';
  if (entry.status === 'insufficient-history') return 'No forecast';
  return forecastDay(entry.p85, entry.p85 === null);
}

function changeValue(field: RoadmapChangeT['field'], value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  const text = String(value);
  if (field === 'horizon') return HORIZON_LABELS[text as keyof typeof HORIZON_LABELS] ?? text;
  if (field === 'status')
    return INITIATIVE_STATUS_LABELS[text as keyof typeof INITIATIVE_STATUS_LABELS] ?? text;
  return formatDay(text);
}

/** A roadmap change in words: "Gift cards moved from Next to Now". `title` is undefined once it is gone. */
export function describeRoadmapChange(change: RoadmapChangeT, title: string | undefined): string {
  const name = title ?? 'An initiative now in the trash';
  switch (change.field) {
    case 'created':
      return `${name} was added to the roadmap`;
    case 'deleted':
      return `${name} was removed from the roadmap`;
    case 'status':
      return `${name} went from ${changeValue('status', change.before)} to ${changeValue('status', change.after)}`;
    case 'horizon':
      return `${name} moved from ${changeValue('horizon', change.before)} to ${changeValue('horizon', change.after)}`;
    default: {
      const what = change.field === 'targetDate' ? 'target date' : 'start date';
      return `${name}: ${what} changed from ${changeValue(change.field, change.before)} to ${changeValue(change.field, change.after)}`;
    }
  }
}

/** Who did something: a user's name, or who it was when the user is unknown. */
export function personName(users: ReadonlyMap<string, { name: string }>, id: string | null): string {
  if (id === null) return 'Cairn';
  return users.get(id)?.name ?? 'A former member';
}

/** An error's message as the user reads it (a refused field named). */
export function messageOf(error: unknown): string {
  return error instanceof ApiError
    ? error.fieldMessage
    : error instanceof Error
      ? error.message
      : String(error);
}

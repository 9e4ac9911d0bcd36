/** Words for a roadmap diff's and changelog's entries: field names, values, who and when. */
import { HORIZON_LABELS } from '../../api/types.ts';
import { formatDay, formatInstant } from '../../components/dates.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { CONFIDENCE_LABELS, INITIATIVE_STATUS_LABELS, VISIBILITY_LABELS } from './initiative-text.ts';

export const FIELD_LABELS: Record<string, string> = {
  horizon: 'Horizon',
  startDate: 'Start',
  targetDate: 'Target',
  confidence: 'Confidence',
  status: 'Status',
  title: 'Title',
  themeId: 'Theme',
  visibility: 'Visibility',
};

const LABELS: Record<string, Record<string, string>> = {
  horizon: HORIZON_LABELS,
  confidence: CONFIDENCE_LABELS,
  status: INITIATIVE_STATUS_LABELS,
  visibility: VISIBILITY_LABELS,
};

/** A field's value as a reader says it: "Next", "14 May 2026", "no date", a theme's name. */
export function valueWords(store: ProductStore, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') {
    return field === 'themeId' ? 'no theme' : field.endsWith('Date') ? 'no date' : 'none';
  }
  const text = String(value);
  if (field === 'themeId') return store.themes.get(text)?.name ?? 'a deleted theme';
  if (field.endsWith('Date')) return formatDay(text);
  return LABELS[field]?.[text] ?? text;
}

/** "by Ann Lee, 14 May 2026, 10:32", or that nobody can be named. */
export function byWords(store: ProductStore, by: { actorId: string | null; at: string } | null): string {
  if (!by) return 'made before the events read';
  const who = by.actorId ? (store.users.get(by.actorId)?.name ?? 'a former member') : 'the system';
  return `by ${who}, ${formatInstant(by.at)}`;
}

/** An initiative's title from the store, or what the diff knew it as. */
export function initiativeTitle(store: ProductStore, id: string, fallback = 'An initiative'): string {
  return store.initiatives.get(id)?.title ?? fallback;
}

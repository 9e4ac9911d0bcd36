/**
 * The customer's roadmap: public initiatives only, in their public words, by horizon and never by date;
 * ideas still being explored are marked as such. Nothing internal leaves here: no ids, no dates, no
 * internal summaries, objectives, themes, metrics or work. Every string in the result is a public
 * initiative's title or public summary, the product's name, an announcement's public text, or a sentence
 * made from those and fixed words.
 */
import type { CustomerView } from '../../schemas/audience.ts';
import { type AudienceChange, type AudienceInitiative, type AudienceModel, HORIZON_LABELS } from './model.ts';

/** Announcements a customer view lists at most. */
export const CUSTOMER_CHANGELOG_LIMIT = 20;

const HORIZON_ORDER = { now: 0, next: 1, later: 2 } as const;

function isShown(initiative: AudienceInitiative): boolean {
  return initiative.visibility === 'public' && initiative.status !== 'dropped';
}

function stageOf(initiative: AudienceInitiative): CustomerView['initiatives'][number]['stage'] {
  if (initiative.status === 'done') return 'delivered';
  return initiative.confidence === 'exploratory' ? 'exploring' : 'planned';
}

function isHorizon(value: unknown): value is keyof typeof HORIZON_LABELS {
  return value === 'now' || value === 'next' || value === 'later';
}

/**
 * The words of one announcement for customers: its public text, else a sentence from public fields only
 * (the horizon, or whether it is being explored); null when neither says anything a customer may read.
 */
export function customerSentence(change: AudienceChange, initiative: AudienceInitiative): string | null {
  if (change.publicText?.trim()) return change.publicText.trim();
  const name = `“${initiative.title}”`;
  const horizon = change.changes.horizon;
  if (horizon && isHorizon(horizon[0]) && isHorizon(horizon[1])) {
    return `${name} moved from ${HORIZON_LABELS[horizon[0]]} to ${HORIZON_LABELS[horizon[1]]}`;
  }
  const confidence = change.changes.confidence;
  if (confidence?.[1] === 'exploratory') return `${name} is being explored again`;
  if (confidence?.[0] === 'exploratory') return `${name} is no longer only an idea: it is planned`;
  const status = change.changes.status;
  if (status?.[1] === 'done') return `${name} was delivered`;
  if (status?.[1] === 'dropped') return `${name} is no longer planned`;
  return null;
}

export function presentCustomerView(model: AudienceModel): CustomerView {
  const shown = model.initiatives.filter(isShown);
  const initiatives = shown
    .map((initiative, index) => ({ initiative, index }))
    .sort(
      (a, b) =>
        HORIZON_ORDER[a.initiative.horizon] - HORIZON_ORDER[b.initiative.horizon] || a.index - b.index,
    )
    .map(({ initiative }) => ({
      title: initiative.title,
      summary: initiative.publicSummary,
      horizon: initiative.horizon,
      stage: stageOf(initiative),
    }));
  // Announcements of initiatives that are public now (a dropped one's last words included).
  const publicById = new Map(
    model.initiatives.filter((i) => i.visibility === 'public').map((i) => [i.id, i]),
  );
  const changelog: { text: string }[] = [];
  for (const change of model.changelog) {
    if (changelog.length >= CUSTOMER_CHANGELOG_LIMIT) break;
    const initiative = publicById.get(change.initiativeId);
    if (!change.announced || !initiative) continue;
    const text = customerSentence(change, initiative);
    if (text) changelog.push({ text });
  }
  return { view: 'customer', product: { name: model.product.name }, initiatives, changelog };
}

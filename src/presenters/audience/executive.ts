/**
 * The executive's roadmap: themes, objectives, each initiative's outcome metrics, confidence and risks,
 * and the announcements with what they changed. No item detail.
 */
import type { ExecutiveView } from '../../schemas/audience.ts';
import { type AudienceModel, changeValue } from './model.ts';

/** Announcements an executive view lists at most. */
export const EXECUTIVE_CHANGELOG_LIMIT = 50;

/** The fields of a change an executive reads: dates, horizon, confidence and status. */
const EXECUTIVE_FIELDS = ['horizon', 'startDate', 'targetDate', 'confidence', 'status'] as const;

export function presentExecutiveView(model: AudienceModel): ExecutiveView {
  const themes = new Map(model.themes.map((t) => [t.id, t.name]));
  const objectives = new Map(model.objectives.map((o) => [o.id, o.title]));
  const titles = new Map(model.initiatives.map((i) => [i.id, i.title]));
  const themeCounts = new Map<string, number>();
  const objectiveCounts = new Map<string, number>();
  for (const initiative of model.initiatives) {
    if (initiative.themeId)
      themeCounts.set(initiative.themeId, (themeCounts.get(initiative.themeId) ?? 0) + 1);
    for (const id of initiative.objectiveIds) objectiveCounts.set(id, (objectiveCounts.get(id) ?? 0) + 1);
  }
  const changelog: ExecutiveView['changelog'] = [];
  for (const change of model.changelog) {
    if (changelog.length >= EXECUTIVE_CHANGELOG_LIMIT) break;
    if (!change.announced || change.text === null) continue;
    const changes: ExecutiveView['changelog'][number]['changes'] = {};
    for (const field of EXECUTIVE_FIELDS) {
      const pair = change.changes[field];
      if (pair) changes[field] = [changeValue(pair[0]), changeValue(pair[1])];
    }
    changelog.push({
      id: change.id,
      initiativeId: change.initiativeId,
      initiative: titles.get(change.initiativeId) ?? '(deleted initiative)',
      at: change.at,
      text: change.text,
      changes,
    });
  }
  return {
    view: 'executive',
    product: { id: model.product.id, name: model.product.name },
    themes: model.themes.map((t) => ({ id: t.id, name: t.name, initiatives: themeCounts.get(t.id) ?? 0 })),
    objectives: model.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      initiatives: objectiveCounts.get(o.id) ?? 0,
    })),
    initiatives: model.initiatives.map((initiative) => {
      const prd = model.prdMetrics.get(initiative.id);
      return {
        id: initiative.id,
        title: initiative.title,
        themeId: initiative.themeId,
        theme: initiative.themeId ? (themes.get(initiative.themeId) ?? null) : null,
        objectives: initiative.objectiveIds.flatMap((id) => {
          const title = objectives.get(id);
          return title === undefined ? [] : [title];
        }),
        horizon: initiative.horizon,
        targetDate: initiative.targetDate,
        confidence: initiative.confidence,
        status: initiative.status,
        metricsSource: prd ? ('prd' as const) : ('initiative' as const),
        metrics: prd
          ? prd.map((m) => ({ ...m }))
          : initiative.successMetrics.map((name) => ({ name, baseline: null, target: null, measured: null })),
        risks: (model.risks.get(initiative.id) ?? []).map((r) => ({ ...r })),
      };
    }),
    changelog,
    truncated: model.truncated,
  };
}

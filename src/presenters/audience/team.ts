/** The team's roadmap: every field of every initiative, with its backlog progress and the whole changelog. */
import { EMPTY_PROGRESS } from '../../domain/progress.ts';
import type { TeamView } from '../../schemas/audience.ts';
import { type AudienceModel, changeValue } from './model.ts';

/** Changelog entries a team view lists at most. */
export const TEAM_CHANGELOG_LIMIT = 100;

export function presentTeamView(model: AudienceModel): TeamView {
  const themes = new Map(model.themes.map((t) => [t.id, t.name]));
  const objectives = new Map(model.objectives.map((o) => [o.id, o.title]));
  const titles = new Map(model.initiatives.map((i) => [i.id, i.title]));
  return {
    view: 'team',
    product: { ...model.product },
    themes: model.themes.map((t) => ({ ...t })),
    objectives: model.objectives.map((o) => ({ ...o })),
    initiatives: model.initiatives.map((initiative) => ({
      id: initiative.id,
      title: initiative.title,
      summary: initiative.summary,
      publicSummary: initiative.publicSummary,
      themeId: initiative.themeId,
      theme: initiative.themeId ? (themes.get(initiative.themeId) ?? null) : null,
      objectives: initiative.objectiveIds.flatMap((id) => {
        const title = objectives.get(id);
        return title === undefined ? [] : [{ id, title }];
      }),
      horizon: initiative.horizon,
      startDate: initiative.startDate,
      targetDate: initiative.targetDate,
      confidence: initiative.confidence,
      visibility: initiative.visibility,
      status: initiative.status,
      // Once an initiative has a PRD, its metrics are the PRD's.
      successMetrics: model.prdMetrics.get(initiative.id)?.map((m) => m.name) ?? [
        ...initiative.successMetrics,
      ],
      progress: { ...(model.progress.get(initiative.id) ?? EMPTY_PROGRESS) },
    })),
    changelog: model.changelog.slice(0, TEAM_CHANGELOG_LIMIT).map((change) => ({
      id: change.id,
      initiativeId: change.initiativeId,
      initiative: titles.get(change.initiativeId) ?? '(deleted initiative)',
      at: change.at,
      actorId: change.actorId,
      announced: change.announced,
      text: change.text,
      publicText: change.publicText,
      changes: Object.fromEntries(
        Object.entries(change.changes).map(([field, pair]) => [
          field,
          [changeValue(pair[0]), changeValue(pair[1])] as const,
        ]),
      ),
    })),
    truncated: model.truncated,
  };
}

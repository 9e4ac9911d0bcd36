/**
 * Initiatives grouped by theme (the roadmap's swimlanes), themes by name, "No theme" last: the board's
 * order, in the web app and in the server's first paint of it.
 */

/** What the lanes need of a theme and an initiative (the API's Theme and Initiative have more). */
interface LaneTheme {
  id: string;
  name: string;
  color: string | null;
}
interface LaneInitiative {
  themeId: string | null;
  targetDate: string | null;
  title: string;
}

export interface ThemeLane<I extends LaneInitiative = LaneInitiative> {
  /** The theme's id, or null for the "No theme" lane. */
  themeId: string | null;
  name: string;
  color: string | null;
  initiatives: I[];
}

export const NO_THEME_NAME = 'No theme';

/**
 * One lane per theme (empty ones too, so there is somewhere to drop), plus "No theme" for the rest —
 * including initiatives whose theme was trashed. Initiatives keep the order they are given in.
 */
export function themeLanes<I extends LaneInitiative>(
  themes: readonly LaneTheme[],
  initiatives: Iterable<I>,
): ThemeLane<I>[] {
  const lanes = themes.map(
    (theme): ThemeLane<I> => ({
      themeId: theme.id,
      name: theme.name,
      color: theme.color,
      initiatives: [],
    }),
  );
  const byId = new Map(lanes.map((lane) => [lane.themeId, lane]));
  const none: ThemeLane<I> = { themeId: null, name: NO_THEME_NAME, color: null, initiatives: [] };
  for (const initiative of initiatives) {
    const lane = (initiative.themeId && byId.get(initiative.themeId)) || none;
    lane.initiatives.push(initiative);
  }
  return [...lanes, none];
}

/** Board order inside a cell: the nearest target date first, undated last, then by title. */
export function byTargetDate(a: LaneInitiative, b: LaneInitiative): number {
  if (a.targetDate !== b.targetDate) {
    if (a.targetDate === null) return 1;
    if (b.targetDate === null) return -1;
    return a.targetDate < b.targetDate ? -1 : 1;
  }
  return a.title.localeCompare(b.title);
}

/**
 * The Now / Next / Later board: one row per theme, one column per horizon. Cards are dragged between cells
 * (horizon and theme change together) or moved with Alt+arrows; both save through updateInitiative, which
 * shows the move at once and saves it in the background.
 */
import { type DragEvent, useCallback, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Progress } from '../../../domain/progress.ts';
import { HORIZON_HINTS } from '../../../presenters/plan-labels.ts';
import type { ThemeLane } from '../../../presenters/theme-lanes.ts';
import type { HorizonT, InitiativeT } from '../../api/types.ts';
import { HORIZON_LABELS, HORIZONS } from '../../api/types.ts';
import { paths } from '../../routes.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { AddInitiativeInline } from './add-initiative-inline.tsx';
import { saveInitiativeChange } from './baseline-announce.tsx';
import { type CardMove, INITIATIVE_DRAG_TYPE, InitiativeCard } from './initiative-card.tsx';
import type { InitiativeFlag } from './initiative-flags.ts';
import { useRefocus } from './use-refocus.ts';

interface BoardGridProps {
  lanes: ThemeLane<InitiativeT>[];
  /** Null until the whole backlog is in: the cards say their progress is being counted. */
  progress: Map<string, Progress> | null;
  objectiveTitles: (initiative: InitiativeT) => string;
  /** At risk, drift, no work, waiting on an overdue dependency: by initiative id. */
  flags: ReadonlyMap<string, readonly InitiativeFlag[]>;
}

function cellKey(themeId: string | null, horizon: HorizonT): string {
  return `${themeId ?? 'none'}:${horizon}`;
}

export function BoardGrid({ lanes, progress, objectiveTitles, flags }: BoardGridProps) {
  const store = useStoreOnce();
  const root = useRef<HTMLDivElement>(null);
  const refocus = useRefocus(root);
  const navigate = useNavigate();
  const [dropCell, setDropCell] = useState<string | null>(null);
  const laneIds = useRef<(string | null)[]>([]);
  laneIds.current = lanes.map((lane) => lane.themeId);

  const place = useCallback(
    (id: string, horizon: HorizonT, themeId: string | null) => {
      const initiative = store.initiatives.get(id);
      if (!initiative) return;
      const patch: Partial<Pick<InitiativeT, 'horizon' | 'themeId'>> = {};
      if (initiative.horizon !== horizon) patch.horizon = horizon;
      // A trashed theme reads as "No theme": moving within that lane must not touch the theme.
      const laneOf = initiative.themeId && store.themes.has(initiative.themeId) ? initiative.themeId : null;
      if (laneOf !== themeId) patch.themeId = themeId;
      // A pivot (a committed initiative moved after a baseline) asks for an announcement first.
      if (Object.keys(patch).length > 0) void saveInitiativeChange(store, id, patch);
    },
    [store],
  );

  const onMove = useCallback(
    (id: string, move: CardMove) => {
      const initiative = store.initiatives.get(id);
      if (!initiative) return;
      const themeId = initiative.themeId && store.themes.has(initiative.themeId) ? initiative.themeId : null;
      let horizon = initiative.horizon;
      let lane = themeId;
      if (move === 'earlier' || move === 'later') {
        const at = HORIZONS.indexOf(initiative.horizon) + (move === 'earlier' ? -1 : 1);
        const next = HORIZONS[at];
        if (!next) return;
        horizon = next;
      } else {
        const ids = laneIds.current;
        const at = ids.indexOf(themeId) + (move === 'lane-up' ? -1 : 1);
        if (at < 0 || at >= ids.length) return;
        lane = ids[at] ?? null;
      }
      refocus(id);
      place(id, horizon, lane);
    },
    [store, place, refocus],
  );

  const onOpen = useCallback(
    (id: string) => navigate(paths.initiative(store.product.key, id)),
    [navigate, store],
  );

  // A viewer's board shows the plan; it offers no drag, drop or add (the server would refuse them).
  const editable = !store.readOnly;
  const dropHandlers = (themeId: string | null, horizon: HorizonT) => {
    const key = cellKey(themeId, horizon);
    return {
      onDragOver: (event: DragEvent) => {
        if (!event.dataTransfer.types.includes(INITIATIVE_DRAG_TYPE)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        if (dropCell !== key) setDropCell(key);
      },
      onDragLeave: (event: DragEvent) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropCell(null);
      },
      onDrop: (event: DragEvent) => {
        event.preventDefault();
        setDropCell(null);
        const id = event.dataTransfer.getData(INITIATIVE_DRAG_TYPE);
        if (id) place(id, horizon, themeId);
      },
    };
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: clears the drop highlight when a drag ends anywhere
    <div className="board" ref={root} onDragEnd={() => setDropCell(null)}>
      <div className="board-head">
        {HORIZONS.map((horizon) => (
          <div key={horizon} className={`board-column-head horizon-${horizon}`}>
            <span className="board-column-name">{HORIZON_LABELS[horizon]}</span>
            <span className="hint">{HORIZON_HINTS[horizon]}</span>
          </div>
        ))}
      </div>
      {lanes.map((lane) => {
        const laneId = `lane-${lane.themeId ?? 'none'}`;
        return (
          <section key={laneId} className="board-lane" aria-labelledby={laneId}>
            <h2 className="lane-title" id={laneId}>
              <span
                className="theme-swatch"
                aria-hidden="true"
                style={lane.color ? { background: lane.color } : undefined}
              />
              {lane.name}
              <span className="hint">{lane.initiatives.length}</span>
            </h2>
            <div className="lane-cells">
              {HORIZONS.map((horizon) => {
                const where = `${HORIZON_LABELS[horizon]}, ${lane.name}`;
                const cards = lane.initiatives.filter((initiative) => initiative.horizon === horizon);
                const key = cellKey(lane.themeId, horizon);
                return (
                  <div
                    key={horizon}
                    className={`board-cell${dropCell === key ? ' drop-target' : ''}`}
                    data-cell={key}
                    {...(editable ? dropHandlers(lane.themeId, horizon) : {})}
                  >
                    <ul className="board-cards" aria-label={where}>
                      {cards.map((initiative) => (
                        <li key={initiative.id}>
                          <InitiativeCard
                            initiative={initiative}
                            href={paths.initiative(store.product.key, initiative.id)}
                            progress={progress ? progress.get(initiative.id) : null}
                            themeColor={lane.color}
                            objectives={objectiveTitles(initiative)}
                            flags={flags.get(initiative.id)}
                            onMove={onMove}
                            onOpen={onOpen}
                            editable={editable}
                          />
                        </li>
                      ))}
                    </ul>
                    {editable && (
                      <AddInitiativeInline horizon={horizon} themeId={lane.themeId} where={where} />
                    )}
                  </div>
                );
              })}
            </div>
          </section>
        );
      })}
    </div>
  );
}

/**
 * /p/:key/story-maps/:mapId — one user story map: the board, the editors' tools and the gaps. Story
 * moves are applied at once and rolled back with a message if the server refuses them; what a keyboard
 * move does is announced in an aria-live region.
 */
import { useCallback, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { paths } from '../../routes.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { GapsPanel } from './gaps-panel.tsx';
import { AddStepDialog, MapToolbar, PlaceStoryDialog } from './map-editors.tsx';
import type { CellTarget } from './map-layout.ts';
import { StoryMapBoard } from './story-map-board.tsx';
import { useCardDrag } from './use-card-drag.ts';
import { useCardKeyboard } from './use-card-keyboard.ts';
import { useStoryMap } from './use-story-map.ts';
import './story-maps.css';

export function StoryMapScreen() {
  const { mapId = '' } = useParams();
  const store = useStoreOnce();
  const { map, error, operate, moveStory } = useStoryMap(store.product.id, mapId);
  if (error && !map) {
    return (
      <main className="screen story-map-screen">
        <p className="form-error" role="alert">
          The story map could not be loaded: {error}
        </p>
        <Link to={paths.storyMaps(store.product.key)}>All story maps</Link>
      </main>
    );
  }
  if (!map) {
    return (
      <main className="screen story-map-screen">
        <p aria-busy="true" className="hint">
          Loading the story map…
        </p>
      </main>
    );
  }
  return (
    <LoadedMap
      map={map}
      productId={store.product.id}
      productKey={store.product.key}
      canEdit={!store.readOnly}
      operate={operate}
      moveStory={moveStory}
    />
  );
}

function LoadedMap(props: {
  map: NonNullable<ReturnType<typeof useStoryMap>['map']>;
  productId: string;
  productKey: string;
  canEdit: boolean;
  operate: ReturnType<typeof useStoryMap>['operate'];
  moveStory: ReturnType<typeof useStoryMap>['moveStory'];
}) {
  const { map, canEdit, operate, moveStory } = props;
  const boardRef = useRef<HTMLDivElement>(null);
  const indicatorRef = useRef<HTMLDivElement>(null);
  const liveRef = useRef<HTMLParagraphElement>(null);
  const [stepFor, setStepFor] = useState<string | null>(null);
  const [placing, setPlacing] = useState(false);
  const announce = useCallback((text: string) => {
    if (liveRef.current) liveRef.current.textContent = text;
  }, []);
  const onDrop = useCallback(
    (itemId: string, target: CellTarget) => void moveStory(itemId, target),
    [moveStory],
  );
  useCardDrag(boardRef, indicatorRef, canEdit, onDrop);
  useCardKeyboard({ board: boardRef, indicator: indicatorRef, map, canEdit, announce, onDrop });
  const activity = map.activities.find((a) => a.id === stepFor);

  return (
    <main className="screen story-map-screen">
      <header className="sm-header">
        <Link to={paths.storyMaps(props.productKey)}>Story maps</Link>
        <h1>{map.name}</h1>
        <span className="hint">
          {map.cards.length} stories · {map.activities.length} activities · {map.steps.length} steps
        </span>
      </header>
      {canEdit && (
        <MapToolbar
          map={map}
          productId={props.productId}
          operate={operate}
          onPlace={() => setPlacing(true)}
        />
      )}
      {canEdit && map.cards.length > 0 && (
        <p className="hint sm-help">
          Drag a card, or focus it and press Space: arrows move it (left and right: step; up and down: place
          and slice), Space drops, Escape cancels. Moving a story across a slice line changes its release or
          sprint.
        </p>
      )}
      <p ref={liveRef} className="visually-hidden" aria-live="assertive" />
      <div className="sm-layout" ref={boardRef}>
        {map.activities.length === 0 ? (
          <p className="hint sm-empty">
            {canEdit
              ? 'Start the backbone: add the first user activity above.'
              : 'This map has no activities yet.'}
          </p>
        ) : (
          <StoryMapBoard map={map} canEdit={canEdit} operate={operate} onAddStep={setStepFor} />
        )}
        <GapsPanel map={map} />
      </div>
      <div ref={indicatorRef} className="sm-drop-indicator" hidden />
      {activity && (
        <AddStepDialog
          activityTitle={activity.title}
          onAdd={(title) => operate({ op: 'addStep', activityId: activity.id, title })}
          onClose={() => setStepFor(null)}
        />
      )}
      {placing && <PlaceStoryDialog map={map} operate={operate} onClose={() => setPlacing(false)} />}
    </main>
  );
}

/**
 * One item on the planning screen: type, key, title (opening the item panel), status, estimate, why it is
 * not ready, and the button that moves it into or out of the sprint (the keyboard's way to do the drag).
 */
import { memo } from 'react';
import { Link, type Location } from 'react-router';
import type { NotReadyReasonT } from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { StatusChip, TypeBadge } from '../../components/chips.tsx';
import { paths } from '../../routes.ts';

export const ITEM_DRAG_TYPE = 'application/x-cairn-item';

interface Props {
  item: BacklogItemT;
  /** 'add': a backlog row; 'remove': a sprint row; null: read-only. */
  move: 'add' | 'remove' | null;
  notReady: NotReadyReasonT[] | undefined;
  background: Location;
  onMove: (id: string, to: 'add' | 'remove') => void;
}

export const PlanRow = memo(function PlanRow({ item, move, notReady, background, onMove }: Props) {
  const finished = item.status === 'done' || item.status === 'wont_do';
  return (
    <li
      className={`plan-row${finished ? ' is-finished' : ''}${notReady?.length ? ' is-not-ready' : ''}`}
      data-item-key={item.key}
      draggable={move !== null}
      onDragStart={(event) => {
        event.dataTransfer.setData(ITEM_DRAG_TYPE, item.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
    >
      {move !== null && (
        <span className="plan-handle" aria-hidden="true" title="Drag into or out of the sprint">
          ⠿
        </span>
      )}
      <TypeBadge type={item.type} />
      <Link className="plan-title" to={paths.item(item.key)} state={{ background }} draggable={false}>
        <span className="key">{item.key}</span> <span className="plan-title-text">{item.title}</span>
      </Link>
      <StatusChip status={item.status} />
      <span className={`plan-estimate${item.estimate === null ? ' is-missing' : ''}`}>
        {item.estimate === null ? 'No estimate' : `${item.estimate} pts`}
      </span>
      {move === 'add' && (
        <button
          type="button"
          className="plan-move"
          data-move-id={item.id}
          aria-label={`Add to sprint: ${item.key}`}
          onClick={() => onMove(item.id, 'add')}
        >
          Add to sprint
        </button>
      )}
      {move === 'remove' && (
        <button
          type="button"
          className="plan-move"
          data-move-id={item.id}
          aria-label={`Remove from sprint: ${item.key}`}
          onClick={() => onMove(item.id, 'remove')}
        >
          Remove from sprint
        </button>
      )}
      {notReady && notReady.length > 0 && (
        <p className="plan-not-ready">
          <span aria-hidden="true">⚠ </span>
          Not ready: {notReady.map((reason) => reason.message).join('; ')}
        </p>
      )}
    </li>
  );
});

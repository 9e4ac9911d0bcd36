/**
 * One item on the planning screen: type, readiness, key, title (opening the item panel), status, estimate,
 * and the button that moves it into or out of the sprint (the keyboard's way to do the drag). A sprint's
 * row says every rule it fails below it; a backlog row, where readiness decides what to take, has the
 * compact mark with the rules in its name and tooltip (its height never changes when they arrive, so a
 * drag never grabs a row that moved).
 */
import { memo } from 'react';
import { Link, type Location } from 'react-router';
import type { BacklogItemT } from '../../api/types.ts';
import { StatusChip, TypeBadge } from '../../components/chips.tsx';
import { ReadinessMark } from '../../components/readiness-mark.tsx';
import { paths } from '../../routes.ts';

export const ITEM_DRAG_TYPE = 'application/x-cairn-item';

interface Props {
  item: BacklogItemT;
  /** 'add': a backlog row; 'remove': a sprint row; null: read-only. */
  move: 'add' | 'remove' | null;
  /**
   * The failing rules as one line (reasonsText), '' when ready, undefined when not known; a string, so the
   * memo compares values.
   */
  readiness: string | undefined;
  /** 'line': the reasons spelt out under the row (a sprint's rows); 'mark': the compact mark only. */
  show: 'line' | 'mark';
  background: Location;
  onMove: (id: string, to: 'add' | 'remove') => void;
}

export const PlanRow = memo(function PlanRow({ item, move, readiness, show, background, onMove }: Props) {
  const finished = item.status === 'done' || item.status === 'wont_do';
  // A report a moment older than an item just finished still lists it: readiness is for open work only.
  const text = finished ? undefined : readiness;
  return (
    <li
      className={`plan-row${finished ? ' is-finished' : ''}${text ? ' is-not-ready' : ''}`}
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
      <span className="plan-ready">
        {text !== undefined && show === 'mark' && <ReadinessMark text={text} variant="icon" />}
      </span>
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
      {text && show === 'line' && <ReadinessMark text={text} variant="line" className="plan-not-ready" />}
    </li>
  );
});

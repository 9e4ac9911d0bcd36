/**
 * One card of the sprint board: key, title, estimate, assignee and a not-ready marker. Its title link is its
 * one control: Enter or a click opens the item's panel over the board, Alt+←/→ moves it a column (the
 * keyboard's way to drag it).
 */
import { type KeyboardEvent, memo } from 'react';
import { Link, type Location } from 'react-router';
import type { NotReadyReasonT } from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { TypeBadge } from '../../components/chips.tsx';
import { readinessLabel, reasonsText } from '../../components/readiness.ts';
import { ReadinessMark } from '../../components/readiness-mark.tsx';
import { paths } from '../../routes.ts';

export const CARD_DRAG_TYPE = 'application/x-cairn-card';

interface Props {
  item: BacklogItemT;
  assignee: string | null;
  notReady: NotReadyReasonT[] | undefined;
  background: Location;
  movable: boolean;
  onMove: (id: string, direction: -1 | 1) => void;
  onOpen: (key: string) => void;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

export const BoardCard = memo(function BoardCard({
  item,
  assignee,
  notReady,
  background,
  movable,
  onMove,
  onOpen,
}: Props) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!movable || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    // Alt+← is also the browser's "back": the focused card takes it first.
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      onMove(item.id, event.key === 'ArrowLeft' ? -1 : 1);
    }
  };
  // Every failing rule, whatever its code, in the words the backlog and the planning screen use.
  const reasons = notReady ? reasonsText(notReady) : '';
  return (
    // The title link is the card's keyboard control; a click anywhere else on the card opens it too, and the
    // whole card is what a drag picks up.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the title link is the keyboard way to open the card
    // biome-ignore lint/a11y/noStaticElementInteractions: as above; the drag has Alt+←/→ as its keyboard twin
    <div
      className={`sb-card${reasons ? ' is-not-ready' : ''}`}
      style={{ '--chip-color': `var(--status-${item.status})` } as React.CSSProperties}
      draggable={movable}
      data-item-key={item.key}
      onDragStart={(event) => {
        event.dataTransfer.setData(CARD_DRAG_TYPE, item.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a')) onOpen(item.key);
      }}
    >
      <div className="sb-card-top">
        <TypeBadge type={item.type} />
        <span className="key">{item.key}</span>
        {reasons && <ReadinessMark text={reasons} variant="badge" className="sb-not-ready" />}
      </div>
      <Link
        to={paths.item(item.key)}
        state={{ background }}
        className="sb-card-title"
        draggable={false}
        data-focus-id={item.id}
        aria-keyshortcuts={movable ? 'Alt+ArrowLeft Alt+ArrowRight' : undefined}
        onKeyDown={onKeyDown}
      >
        {item.title}
        {reasons && <span className="visually-hidden"> ({readinessLabel(reasons)})</span>}
      </Link>
      <div className="sb-card-bottom">
        <span className={item.estimate === null ? 'sb-estimate is-missing' : 'sb-estimate'}>
          {item.estimate === null ? 'No estimate' : `${item.estimate} pts`}
        </span>
        {assignee && (
          <span className="assignee" title={assignee}>
            <span aria-hidden="true">{initials(assignee)}</span>
            <span className="visually-hidden">Assigned to {assignee}</span>
          </span>
        )}
      </div>
    </div>
  );
});

/**
 * One initiative on the board: title, confidence, status, target date, objectives, its flags (at risk,
 * drift, no work, an overdue dependency) and the progress of its backlog work. Its title is a link (Enter or a click opens it); the card can be dragged to another horizon
 * or theme lane.
 * Exploratory cards look tentative (dashed, hatched) so nobody reads them as promises.
 */
import { type KeyboardEvent, memo } from 'react';
import { Link } from 'react-router';
import type { Progress } from '../../../domain/progress.ts';
import type { InitiativeT } from '../../api/types.ts';
import { ConfidenceBadge, ProgressBar } from '../../components/chips.tsx';
import { formatDay } from '../../components/dates.ts';
import { FlagList } from './flag-list.tsx';
import { type InitiativeFlag, sameFlags } from './initiative-flags.ts';
import { INITIATIVE_STATUS_LABELS } from './initiative-text.ts';
import { sameProgress } from './same-progress.ts';

export const INITIATIVE_DRAG_TYPE = 'application/x-cairn-initiative';

export type CardMove = 'earlier' | 'later' | 'lane-up' | 'lane-down';

interface CardProps {
  initiative: InitiativeT;
  href: string;
  /** Null while it is being counted (the backlog is still on its way). */
  progress: Progress | undefined | null;
  themeColor: string | null;
  objectives: string;
  flags: readonly InitiativeFlag[] | undefined;
  onMove: (id: string, move: CardMove) => void;
  onOpen: (id: string) => void;
  /** False for a viewer: the card opens but cannot be dragged or moved with Alt+arrows. */
  editable: boolean;
}

const MOVES: Record<string, CardMove> = {
  ArrowLeft: 'earlier',
  ArrowRight: 'later',
  ArrowUp: 'lane-up',
  ArrowDown: 'lane-down',
};

function InitiativeCardView({
  initiative,
  href,
  progress,
  themeColor,
  objectives,
  flags,
  onMove,
  onOpen,
  editable,
}: CardProps) {
  const onKeyDown = (event: KeyboardEvent) => {
    if (!editable) return;
    const move = MOVES[event.key];
    // Alt+← is also the browser's "back": the focused card takes it first.
    if (!move || !event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    onMove(initiative.id, move);
  };
  return (
    // The title link is the card's one control (Tab, Enter, Alt+arrows); a click anywhere else on the card
    // opens it too, for the mouse, and the whole card is what a drag picks up.
    // biome-ignore lint/a11y/useKeyWithClickEvents: the title link is the keyboard way to open the card
    // biome-ignore lint/a11y/noStaticElementInteractions: as above; the drag has Alt+arrows as its keyboard twin
    <div
      className={`initiative-card card-${initiative.confidence} card-status-${initiative.status}`}
      style={themeColor ? ({ '--theme-color': themeColor } as React.CSSProperties) : undefined}
      draggable={editable}
      data-initiative-id={initiative.id}
      onDragStart={(event) => {
        if (!editable) return;
        event.dataTransfer.setData(INITIATIVE_DRAG_TYPE, initiative.id);
        event.dataTransfer.effectAllowed = 'move';
      }}
      onClick={(event) => {
        if (!(event.target as HTMLElement).closest('a')) onOpen(initiative.id);
      }}
    >
      <Link
        to={href}
        className="card-title"
        draggable={false}
        data-focus-id={initiative.id}
        onKeyDown={onKeyDown}
      >
        {initiative.title}
      </Link>
      <span className="card-meta">
        <ConfidenceBadge confidence={initiative.confidence} />
        <span className={`initiative-status initiative-status-${initiative.status}`}>
          {INITIATIVE_STATUS_LABELS[initiative.status]}
        </span>
        {initiative.targetDate && (
          <span className="card-date">Target {formatDay(initiative.targetDate)}</span>
        )}
        {objectives && <span className="card-objectives">Objectives: {objectives}</span>}
      </span>
      <FlagList flags={flags} variant="chips" title={initiative.title} />
      <ProgressBar progress={progress} label={initiative.title} />
    </div>
  );
}

/** Progress is recomputed as a new object on every store change: compare its figures, not its identity. */
export const InitiativeCard = memo(
  InitiativeCardView,
  (before, after) =>
    before.initiative === after.initiative &&
    before.href === after.href &&
    before.themeColor === after.themeColor &&
    before.objectives === after.objectives &&
    sameFlags(before.flags, after.flags) &&
    before.onMove === after.onMove &&
    before.onOpen === after.onOpen &&
    before.editable === after.editable &&
    sameProgress(before.progress, after.progress),
);

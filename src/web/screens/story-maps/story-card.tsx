/**
 * One story card and one cell of cards. Both are memoised and hold no hooks that read data: a map of 500
 * cards re-renders only the cells whose cards changed (map-layout.ts shareCards keeps unchanged cards).
 */
import { memo } from 'react';
import type { StoryMapCardT } from '../../api/story-maps.ts';
import type { CellCards } from './map-layout.ts';

const STATUS_TEXT: Record<StoryMapCardT['status'], string> = {
  backlog: 'Backlog',
  ready: 'Ready',
  in_progress: 'In progress',
  in_review: 'In review',
  done: 'Done',
  wont_do: "Won't do",
};

export const StoryCard = memo(function StoryCard({ card }: { card: StoryMapCardT }) {
  return (
    <button
      type="button"
      className={`sm-card sm-type-${card.type} sm-status-${card.status}${card.trashed ? ' sm-trashed' : ''}`}
      data-item={card.itemId}
    >
      <span className="sm-card-key">{card.key}</span>
      <span className="sm-card-title">{card.title}</span>
      <span className="sm-card-meta">
        {card.estimate !== null && <span className="sm-card-points">{card.estimate} pts</span>}
        <span className="sm-card-status">{STATUS_TEXT[card.status]}</span>
        {card.trashed && <span className="sm-card-flag">In trash</span>}
      </span>
    </button>
  );
});

function sameCards(a: CellCards, b: CellCards): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const StoryCell = memo(
  function StoryCell(props: { stepId: string; sliceId: string | null; cards: CellCards; label: string }) {
    return (
      <ul
        className="sm-cell"
        data-cell=""
        data-step={props.stepId}
        data-slice={props.sliceId ?? ''}
        aria-label={props.label}
      >
        {props.cards.map((card) => (
          <li key={card.itemId}>
            <StoryCard card={card} />
          </li>
        ))}
      </ul>
    );
  },
  (a, b) =>
    a.stepId === b.stepId && a.sliceId === b.sliceId && a.label === b.label && sameCards(a.cards, b.cards),
);

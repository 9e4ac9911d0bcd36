/**
 * One status column of the sprint board: its name, its count against its WIP limit (over the limit the
 * header says so in words, colour and to screen readers), the limit's editor, and its cards. Cards dropped
 * here take the column's status.
 */
import { type DragEvent, useState } from 'react';
import type { Location } from 'react-router';
import type { NotReadyReasonT } from '../../api/execution.ts';
import type { ItemStatusT } from '../../api/types.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { BoardCard, CARD_DRAG_TYPE } from './board-card.tsx';
import type { BoardColumn } from './board-columns.ts';
import { WipLimitEditor } from './wip-limit-editor.tsx';

interface Props {
  store: ProductStore;
  column: BoardColumn;
  notReady: ReadonlyMap<string, NotReadyReasonT[]>;
  background: Location;
  editable: boolean;
  onDropCard: (id: string, status: ItemStatusT) => void;
  onMoveCard: (id: string, direction: -1 | 1) => void;
  onOpen: (key: string) => void;
  onSaveLimit: (status: ItemStatusT, limit: number | null) => Promise<boolean>;
}

export function BoardColumnView(props: Props) {
  const { column, store, editable } = props;
  const [dropping, setDropping] = useState(false);
  const [editingLimit, setEditingLimit] = useState(false);
  const headingId = `sb-column-${column.status}`;
  const drop = editable
    ? {
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes(CARD_DRAG_TYPE)) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'move';
          if (!dropping) setDropping(true);
        },
        onDragLeave: (event: DragEvent) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDropping(false);
        },
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDropping(false);
          const id = event.dataTransfer.getData(CARD_DRAG_TYPE);
          if (id) props.onDropCard(id, column.status);
        },
      }
    : {};
  const classes = ['sb-column', `sb-column-${column.status}`];
  if (column.wip.over) classes.push('is-over');
  if (dropping) classes.push('drop-target');
  return (
    <section
      className={classes.join(' ')}
      aria-labelledby={headingId}
      data-status={column.status}
      onDragEnd={() => setDropping(false)}
      {...drop}
    >
      <header className="sb-column-head">
        <h3 id={headingId}>{column.label}</h3>
        <span className="sb-wip" aria-hidden="true">
          {column.wip.text}
        </span>
        <span className="visually-hidden">{column.wip.label}</span>
        {editable && !editingLimit && (
          <button
            type="button"
            className="link-button sb-wip-button"
            // The visible words start the name (axe: label-content-name-mismatch).
            aria-label={`${column.limit === null ? 'Set' : 'Change'} WIP limit of ${column.label}`}
            onClick={() => setEditingLimit(true)}
          >
            {column.limit === null ? 'Set WIP limit' : 'WIP limit'}
          </button>
        )}
      </header>
      {column.wip.over && (
        <p className="sb-wip-warning" role="status">
          <span aria-hidden="true">⚠ </span>Over the WIP limit of {column.limit}: finish work before starting
          more.
        </p>
      )}
      {editingLimit && (
        <WipLimitEditor
          column={column.label}
          limit={column.limit}
          onSave={(limit) => props.onSaveLimit(column.status, limit)}
          onDone={() => setEditingLimit(false)}
        />
      )}
      <ul className="sb-cards" aria-label={`${column.label} items`}>
        {column.items.map((item) => (
          <li key={item.id}>
            <BoardCard
              item={item}
              assignee={item.assigneeId ? (store.users.get(item.assigneeId)?.name ?? null) : null}
              notReady={props.notReady.get(item.id)}
              background={props.background}
              movable={editable}
              onMove={props.onMoveCard}
              onOpen={props.onOpen}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * What the item panel shows before or instead of the item: a preview from the backlog row while the full
 * item loads (no spinner for a click), a message for an unknown or trashed item.
 */
import type { ReactNode } from 'react';
import { itemsApi } from '../../api/items.ts';
import type { BacklogItemT, ItemT } from '../../api/types.ts';
import { StatusChip, TypeBadge } from '../../components/chips.tsx';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';

export function RestoreButton({ item }: { item: ItemT }) {
  const store = useStore();
  return (
    <button
      type="button"
      onClick={() =>
        void itemsApi
          .restore(item.id)
          .then((restored) => {
            store.acceptItem(restored);
            store.changed();
          })
          .catch((caught: unknown) =>
            notify({ kind: 'error', message: `${item.key} was not restored: ${(caught as Error).message}` }),
          )
      }
    >
      Restore {item.key}
    </button>
  );
}

export function ItemPreview(props: {
  itemKey: string;
  summary: BacklogItemT | undefined;
  onClose: () => void;
}) {
  const { summary } = props;
  return (
    <div className="item-detail" aria-busy="true">
      <header className="item-header">
        <div className="item-header-row">
          {summary && <TypeBadge type={summary.type} />}
          <h2 className="item-key">{props.itemKey}</h2>
          <button
            type="button"
            className="icon-button item-close"
            aria-label="Close item"
            onClick={props.onClose}
          >
            ×
          </button>
        </div>
        <p className="item-title item-title-preview">{summary?.title ?? ''}</p>
      </header>
      {summary && (
        <p className="item-preview-status">
          <StatusChip status={summary.status} />
        </p>
      )}
      <div className="item-skeleton" />
    </div>
  );
}

export function PanelMessage(props: { title: string; onClose: () => void; children: ReactNode }) {
  return (
    <div className="item-panel-message">
      <div className="item-header-row">
        <h2>{props.title}</h2>
        <button
          type="button"
          className="icon-button item-close"
          aria-label="Close item"
          onClick={props.onClose}
        >
          ×
        </button>
      </div>
      {props.children}
    </div>
  );
}

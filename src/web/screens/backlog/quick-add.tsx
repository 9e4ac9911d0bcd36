/**
 * A text field that adds an item at the top or the bottom of the backlog. Enter adds and keeps the field
 * focused for the next one; the item shows at once and is saved in the background.
 */
import { type Ref, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemT } from '../../api/types.ts';
import type { NewItem } from '../../state/mutations/backlog.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { type AddPlace, addItem } from './add-item.ts';

const TITLE_LIMIT = LIMITS.itemTitle;

export function QuickAdd(props: {
  store: ProductStore;
  place: AddPlace;
  inputRef?: Ref<HTMLInputElement>;
  /** Fields the new item takes from the active filters, so it lands in the list being looked at. */
  defaults: () => Omit<NewItem, 'title'>;
  onAdded: (item: ItemT) => void;
}) {
  const [title, setTitle] = useState('');
  const label = props.place === 'top' ? 'Add an item at the top' : 'Add an item at the bottom';
  return (
    <form
      className={`quick-add quick-add-${props.place}`}
      onSubmit={(event) => {
        event.preventDefault();
        const text = title.trim();
        if (!text) return;
        setTitle('');
        void addItem(props.store, { ...props.defaults(), title: text }, props.place).then((item) => {
          if (item) props.onAdded(item);
        });
      }}
    >
      <span className="quick-add-plus" aria-hidden="true">
        +
      </span>
      <input
        ref={props.inputRef}
        aria-label={label}
        aria-keyshortcuts={props.place === 'top' ? 'c' : undefined}
        placeholder={props.place === 'top' ? `${label}…  c` : `${label}…`}
        maxLength={TITLE_LIMIT}
        value={title}
        onChange={(event) => setTitle(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Escape') return;
          event.preventDefault();
          event.stopPropagation();
          if (title) setTitle('');
          else event.currentTarget.blur();
        }}
      />
    </form>
  );
}

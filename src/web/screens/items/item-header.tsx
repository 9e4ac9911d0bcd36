/** The top of the item panel: type, key, the title edited in place, and the close button. */
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemT, ItemTypeT } from '../../api/types.ts';
import { TypeBadge } from '../../components/chips.tsx';
import { TypeOptions } from '../../components/options.tsx';
import { fieldError } from '../../state/mutations/field-errors.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { useStore } from '../../state/use-store.ts';
import { InlineField } from './inline-field.tsx';

/** How the import sources are named to people (services/imports). */
const SOURCE_NAMES: Record<string, string> = {
  jira: 'Jira',
  trello: 'Trello',
  linear: 'Linear',
  markdown: 'Markdown',
};

export function ItemHeader({ item, onClose }: { item: ItemT; onClose: () => void }) {
  // Subscribed: a refused title shows its message as soon as the server answers.
  const store = useStore();
  return (
    <header className="item-header">
      <div className="item-header-row">
        <TypeBadge type={item.type} />
        <h2 className="item-key">{item.key}</h2>
        <label className="item-type">
          <span className="visually-hidden">Type</span>
          <select
            disabled={store.readOnly}
            value={item.type}
            onChange={(event) => void updateItem(store, item.id, { type: event.target.value as ItemTypeT })}
          >
            <TypeOptions />
          </select>
        </label>
        <button type="button" className="icon-button item-close" aria-label="Close item" onClick={onClose}>
          ×
        </button>
      </div>
      <InlineField
        multiline
        className="item-title"
        label="Title"
        value={item.title}
        version={item.version}
        maxLength={LIMITS.itemTitle}
        readOnly={store.readOnly}
        error={fieldError(store, item.id, 'title')}
        onSave={(next, baseVersion) => {
          const title = next.trim();
          if (title && title !== item.title) void updateItem(store, item.id, { title }, { baseVersion });
        }}
      />
      {item.externalKeys?.map((link) => (
        <p key={`${link.kind} ${link.key}`} className="item-external-key">
          Imported from {SOURCE_NAMES[link.kind] ?? link.kind}: {link.key}
        </p>
      ))}
    </header>
  );
}

/** Acceptance criteria as a checklist: tick one done, edit its text in place, remove it, add more; order kept. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemT } from '../../api/types.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { InlineField } from './inline-field.tsx';

type Criterion = ItemT['acceptanceCriteria'][number];
const MAX_CRITERIA = LIMITS.criteria;

export function AcceptanceCriteria({ item }: { item: ItemT }) {
  const store = useStoreOnce();
  const [draft, setDraft] = useState('');
  const criteria = item.acceptanceCriteria;
  const done = criteria.filter((c) => c.done).length;

  const save = (next: Criterion[], baseVersion?: number) =>
    void updateItem(store, item.id, { acceptanceCriteria: next }, baseVersion ? { baseVersion } : {});
  const replace = (at: number, change: Partial<Criterion>) =>
    criteria.map((criterion, index) => (index === at ? { ...criterion, ...change } : criterion));

  return (
    <section className="item-section" aria-labelledby="item-criteria-heading">
      <div className="section-heading">
        <h3 id="item-criteria-heading">Acceptance criteria</h3>
        {criteria.length > 0 && (
          <span className="hint">
            {done} of {criteria.length} done
          </span>
        )}
      </div>
      <ol className="criteria">
        {criteria.map((criterion, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no ids; the API stores them as a list, by position
          <li key={index} className={criterion.done ? 'criterion done' : 'criterion'}>
            <input
              type="checkbox"
              checked={criterion.done}
              aria-label={`Done: ${criterion.text}`}
              onChange={(event) => save(replace(index, { done: event.target.checked }))}
            />
            <InlineField
              className="criterion-text"
              label={`Criterion ${index + 1}`}
              value={criterion.text}
              version={item.version}
              maxLength={LIMITS.criterionText}
              onSave={(next, baseVersion) => {
                const text = next.trim();
                if (text && text !== criterion.text) save(replace(index, { text }), baseVersion);
              }}
            />
            <button
              type="button"
              className="icon-button"
              aria-label={`Remove criterion ${index + 1}: ${criterion.text}`}
              onClick={() => save(criteria.filter((_, other) => other !== index))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      {criteria.length < MAX_CRITERIA && (
        <form
          className="criterion-add"
          onSubmit={(event) => {
            event.preventDefault();
            const text = draft.trim();
            if (!text) return;
            setDraft('');
            save([...criteria, { text, done: false }]);
          }}
        >
          <input
            aria-label="New acceptance criterion"
            placeholder="Add a criterion and press Enter"
            value={draft}
            maxLength={LIMITS.criterionText}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" aria-label="Add criterion">
            Add
          </button>
        </form>
      )}
    </section>
  );
}

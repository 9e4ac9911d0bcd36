/** The user story — As a … / I want … / so that … — shown as a sentence, edited as three fields, removable. */
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ItemT } from '../../api/types.ts';
import { updateItem } from '../../state/mutations/items.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { useReturnFocus } from './use-return-focus.ts';

type Story = NonNullable<ItemT['story']>;

export function StoryEditor({ item, currentVersion }: { item: ItemT; currentVersion: number }) {
  const store = useStoreOnce();
  const [editing, setEditing] = useState<{ draft: Story; baseVersion: number; original: string } | null>(
    null,
  );
  const sectionRef = useReturnFocus(editing !== null);
  const story = item.story;

  const start = () =>
    setEditing({
      draft: story ?? { asA: '', iWant: '', soThat: '' },
      baseVersion: currentVersion,
      original: JSON.stringify(story),
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    if (!editing) return;
    const draft = {
      asA: editing.draft.asA.trim(),
      iWant: editing.draft.iWant.trim(),
      soThat: editing.draft.soThat.trim(),
    };
    setEditing(null);
    // A conflict only if the story itself changed since editing began (see description-editor.tsx).
    const theirsChanged = JSON.stringify(story) !== editing.original;
    void updateItem(
      store,
      item.id,
      { story: draft },
      theirsChanged ? { baseVersion: editing.baseVersion } : {},
    );
  };

  if (editing) {
    const set = (field: keyof Story) => (value: string) =>
      setEditing({ ...editing, draft: { ...editing.draft, [field]: value } });
    return (
      <section ref={sectionRef} className="item-section" aria-labelledby="item-story-heading">
        <h3 id="item-story-heading">User story</h3>
        <form
          className="story-form"
          onSubmit={save}
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setEditing(null);
            }
          }}
        >
          <label>
            As a
            <input
              value={editing.draft.asA}
              maxLength={LIMITS.storyAsA}
              required
              placeholder="shopper with a saved card"
              onChange={(event) => set('asA')(event.target.value)}
            />
          </label>
          <label>
            I want
            <textarea
              rows={2}
              value={editing.draft.iWant}
              maxLength={LIMITS.storyIWant}
              required
              placeholder="to pay in one click"
              onChange={(event) => set('iWant')(event.target.value)}
            />
          </label>
          <label>
            So that
            <textarea
              rows={2}
              value={editing.draft.soThat}
              maxLength={LIMITS.storySoThat}
              placeholder="checking out takes seconds (optional)"
              onChange={(event) => set('soThat')(event.target.value)}
            />
          </label>
          <div className="section-actions">
            <button type="submit" className="primary">
              Save story
            </button>
            <button type="button" onClick={() => setEditing(null)}>
              Cancel
            </button>
          </div>
        </form>
      </section>
    );
  }

  return (
    <section ref={sectionRef} className="item-section" aria-labelledby="item-story-heading">
      <div className="section-heading">
        <h3 id="item-story-heading">User story</h3>
        {story && (
          <div className="section-tools">
            <button type="button" className="link-button" onClick={start}>
              Edit story
            </button>
            <button
              type="button"
              className="link-button"
              onClick={() => void updateItem(store, item.id, { story: null })}
            >
              Remove story
            </button>
          </div>
        )}
      </div>
      {story ? (
        <p className="story">
          As a <strong>{story.asA}</strong>, I want <strong>{story.iWant}</strong>
          {story.soThat && (
            <>
              , so that <strong>{story.soThat}</strong>
            </>
          )}
          .
        </p>
      ) : (
        <button type="button" className="add-button" onClick={start}>
          + Add a user story
        </button>
      )}
    </section>
  );
}

/**
 * Splits an item into 2–10 parts: each a title and an estimate, the item's criteria kept on the first part
 * or dealt out among the parts. The item becomes the first part; the others appear right below it.
 */
import { useEffect, useRef, useState } from 'react';
import type { ItemT } from '../../api/types.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/form-error.tsx';
import { useStore } from '../../state/use-store.ts';
import { useFullItem } from '../items/use-full-item.ts';
import { splitItem } from './grooming-mutations.ts';
import { PartFields } from './split-part-fields.tsx';
import {
  addPart,
  initialDraft,
  SPLIT_PARTS,
  type SplitDraft,
  type SplitProblem,
  validateSplit,
} from './split-parts.ts';

export function SplitDialog(props: {
  itemId: string;
  itemKey: string;
  onClose: () => void;
  onSplit?: (result: { original: ItemT; created: ItemT[] }) => void;
}) {
  const store = useStore();
  const { item, fetchState, error } = useFullItem(store, props.itemKey);
  return (
    <Dialog label={`Split ${props.itemKey}`} onClose={props.onClose} className="grooming-dialog split-dialog">
      <h2>Split {props.itemKey}</h2>
      {item ? (
        <SplitForm item={item} onClose={props.onClose} onSplit={props.onSplit} />
      ) : fetchState === 'loading' ? (
        <p aria-busy="true">Loading {props.itemKey}…</p>
      ) : (
        <p className="form-error" role="alert">
          {props.itemKey} could not be read{error ? `: ${error}` : ' (it may have been moved to the trash)'}.
        </p>
      )}
      {!item && (
        <div className="grooming-dialog-actions">
          <button type="button" onClick={props.onClose}>
            Close
          </button>
        </div>
      )}
    </Dialog>
  );
}

function SplitForm(props: {
  item: ItemT;
  onClose: () => void;
  onSplit: ((result: { original: ItemT; created: ItemT[] }) => void) | undefined;
}) {
  const store = useStore();
  const { item } = props;
  const criteria = item.acceptanceCriteria;
  const [draft, setDraft] = useState<SplitDraft>(() =>
    initialDraft({ title: item.title, criteriaCount: criteria.length }),
  );
  const [problems, setProblems] = useState<SplitProblem[]>([]);
  const [failure, setFailure] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // The first part starts with the item's title: its field gets the focus, to edit it down. (The dialog
  // focused what it held when it opened, before the item was read.)
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const submit = async () => {
    const checked = validateSplit(draft, criteria);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setFailure(null);
    setSaving(true);
    try {
      const result = await splitItem(store, item.id, checked.parts);
      if (result) props.onSplit?.(result);
      props.onClose();
    } catch (error) {
      setFailure(error);
      setSaving(false);
    }
  };

  return (
    <form
      ref={form}
      className="split-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <p className="hint">
        “{item.title}” becomes the first part; the others are new items right below it, with the same type,
        initiative, sprint, release, labels and story. Leave an estimate blank to estimate it later.
      </p>
      <ol className="split-parts">
        {draft.parts.map((part, index) => (
          <PartFields
            // biome-ignore lint/suspicious/noArrayIndexKey: parts have no ids; their position is what the split sends
            key={index}
            index={index}
            part={part}
            draft={draft}
            problems={problems.filter((problem) => problem.part === index)}
            onDraft={setDraft}
          />
        ))}
      </ol>
      <button
        type="button"
        disabled={draft.parts.length >= SPLIT_PARTS.max}
        onClick={() => setDraft(addPart(draft))}
      >
        Add a part
      </button>
      {criteria.length > 0 && (
        <fieldset className="split-criteria">
          <legend>Acceptance criteria</legend>
          <label className="switch">
            <input
              type="checkbox"
              checked={draft.assignCriteria}
              onChange={(event) => setDraft({ ...draft, assignCriteria: event.target.checked })}
            />
            Deal the criteria out to the parts (otherwise the first part keeps them all)
          </label>
          {draft.assignCriteria && (
            <ul>
              {criteria.map((criterion, at) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no ids; their position is theirs
                <li key={at}>
                  <label>
                    <span className="split-criterion-text">{criterion.text}</span>
                    <select
                      value={draft.criterionPart[at] ?? 0}
                      onChange={(event) =>
                        setDraft({
                          ...draft,
                          criterionPart: draft.criterionPart.map((part, other) =>
                            other === at ? Number(event.target.value) : part,
                          ),
                        })
                      }
                    >
                      {draft.parts.map((_, index) => (
                        // biome-ignore lint/suspicious/noArrayIndexKey: parts are numbered by position
                        <option key={index} value={index}>
                          Part {index + 1}
                        </option>
                      ))}
                    </select>
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      {problems.some((problem) => problem.part === null) && (
        <p className="form-error" role="alert">
          {problems.find((problem) => problem.part === null)?.message}
        </p>
      )}
      <FormError error={failure} />
      <div className="grooming-dialog-actions">
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={saving}>
          {saving ? 'Splitting…' : `Split into ${draft.parts.length} items`}
        </button>
      </div>
    </form>
  );
}

/** Which objectives an initiative serves: a checkbox per objective, and a field to add a new one. */
import { useState } from 'react';
import { api } from '../../api/client.ts';
import type { InitiativeT, ObjectiveT } from '../../api/types.ts';
import { FormError } from '../../components/form-error.tsx';
import { updateInitiative } from '../../state/mutations.ts';
import { useStore } from '../../state/use-store.ts';

export function ObjectivesPicker({ initiative }: { initiative: InitiativeT }) {
  const store = useStore();
  const [title, setTitle] = useState('');
  const [error, setError] = useState<unknown>(null);
  const objectives = [...store.objectives.values()].sort((a, b) => a.title.localeCompare(b.title));
  const linked = new Set(initiative.objectiveIds);

  // The server keeps the ids sorted; so do we, so the optimistic value equals the saved one.
  const save = (ids: Set<string>) =>
    void updateInitiative(store, initiative.id, { objectiveIds: [...ids].sort() });

  const toggle = (id: string) => {
    const next = new Set(linked);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    save(next);
  };

  const add = async () => {
    const text = title.trim();
    if (!text) return;
    try {
      const objective = await api.post<ObjectiveT>(`/products/${store.product.id}/objectives`, {
        title: text,
      });
      store.objectives.set(objective.id, objective);
      setTitle('');
      setError(null);
      save(new Set([...(store.initiatives.get(initiative.id)?.objectiveIds ?? []), objective.id]));
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <fieldset className="objectives-picker">
      <legend>Objectives</legend>
      {objectives.length === 0 && <p className="hint">No objectives in this product yet.</p>}
      {objectives.map((objective) => (
        <label key={objective.id} className="check">
          <input type="checkbox" checked={linked.has(objective.id)} onChange={() => toggle(objective.id)} />
          {objective.title}
        </label>
      ))}
      <form
        className="inline-add"
        onSubmit={(event) => {
          event.preventDefault();
          void add();
        }}
      >
        <input
          aria-label="New objective"
          placeholder="New objective"
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
        <button type="submit" disabled={!title.trim()}>
          Add
        </button>
      </form>
      <FormError error={error} />
    </fieldset>
  );
}

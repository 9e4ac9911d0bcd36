/** Which objectives an initiative serves: a checkbox per objective, and a field to add a new one. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { objectivesApi } from '../../api/planning.ts';
import type { InitiativeT } from '../../api/types.ts';
import { FormError } from '../../components/form-error.tsx';
import { InlineAdd } from '../../components/inline-add.tsx';
import { updateInitiative } from '../../state/mutations/initiatives.ts';
import { useStore } from '../../state/use-store.ts';

export function ObjectivesPicker({ initiative }: { initiative: InitiativeT }) {
  const store = useStore();
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

  const add = async (title: string): Promise<boolean> => {
    try {
      const objective = await objectivesApi.create(store.product.id, { title });
      store.objectives.set(objective.id, objective);
      setError(null);
      save(new Set([...(store.initiatives.get(initiative.id)?.objectiveIds ?? []), objective.id]));
      return true;
    } catch (caught) {
      setError(caught);
      return false;
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
      <InlineAdd
        label="New objective"
        placeholder="New objective"
        maxLength={LIMITS.objectiveTitle}
        button="Add"
        onAdd={add}
      />
      <FormError error={error} />
    </fieldset>
  );
}

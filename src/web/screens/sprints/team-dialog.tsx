/** Edits a team: its name and members (picked from the product's users), or moves it to the trash. */
import { useId, useMemo, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { TeamT } from '../../api/execution.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/form-error.tsx';
import type { ProductStore } from '../../state/product-store.ts';
import { useTeamMutations } from './sprint-mutations.ts';

interface Props {
  store: ProductStore;
  team: TeamT;
  onClose: () => void;
  /** The saved team, or null when it was trashed. */
  onSaved: (team: TeamT | null) => void;
}

export function TeamDialog({ store, team, onClose, onSaved }: Props) {
  const id = useId();
  const mutations = useTeamMutations(store.product.id);
  const [name, setName] = useState(team.name);
  const [members, setMembers] = useState(() => new Set(team.memberIds));
  const [filter, setFilter] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const users = useMemo(
    () => [...store.users.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [store.users],
  );
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? users.filter((user) => `${user.name} ${user.email}`.toLowerCase().includes(needle))
    : users;

  const toggle = (userId: string) =>
    setMembers((current) => {
      const next = new Set(current);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });

  const run = async (action: () => Promise<TeamT | null>) => {
    setBusy(true);
    try {
      onSaved(await action());
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const save = () =>
    run(() => mutations.update.mutateAsync({ team, patch: { name: name.trim(), memberIds: [...members] } }));
  const trash = () =>
    run(async () => {
      await mutations.remove.mutateAsync(team);
      return null;
    });

  return (
    <Dialog label={`Edit team ${team.name}`} onClose={onClose} className="team-dialog">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2>Team {team.name}</h2>
        <label>
          Team name
          <input
            required
            maxLength={LIMITS.name}
            value={name}
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <fieldset className="team-members">
          <legend>
            Members <span className="hint">{members.size} chosen</span>
          </legend>
          {users.length > 8 && (
            <input
              type="search"
              aria-label="Find people"
              placeholder="Find people"
              value={filter}
              onChange={(event) => setFilter(event.target.value)}
            />
          )}
          <ul aria-labelledby={`${id}-members`} className="team-member-list">
            {shown.map((user) => (
              <li key={user.id}>
                <label className="checkbox-label">
                  <input type="checkbox" checked={members.has(user.id)} onChange={() => toggle(user.id)} />
                  {user.name} <span className="hint">{user.email}</span>
                </label>
              </li>
            ))}
          </ul>
          <span id={`${id}-members`} className="visually-hidden">
            People who can be members
          </span>
        </fieldset>
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            Save team
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="button"
            className="danger dialog-actions-end"
            disabled={busy}
            onClick={() => void trash()}
          >
            Delete team
          </button>
        </div>
      </form>
    </Dialog>
  );
}

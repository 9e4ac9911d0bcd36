/** The product's teams: who is in each, a new team, and an editor for a team's name and members. */
import { useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { TeamT } from '../../api/execution.ts';
import { InlineAdd } from '../../components/inline-add.tsx';
import { notify } from '../../state/notices.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { useTeamMutations } from './sprint-mutations.ts';
import { TeamDialog } from './team-dialog.tsx';

interface Props {
  store: ProductStore;
  teams: TeamT[];
  onChanged: (team: TeamT | null) => void;
}

export function TeamsSection({ store, teams, onChanged }: Props) {
  const teamMutations = useTeamMutations(store.product.id);
  const [editing, setEditing] = useState<TeamT | null>(null);
  const memberNames = (team: TeamT) =>
    team.memberIds
      .map((id) => store.users.get(id)?.name)
      .filter(Boolean)
      .join(', ');
  return (
    <section className="teams-section" aria-labelledby="teams-title">
      <h2 id="teams-title">Teams</h2>
      {teams.length === 0 ? (
        <p className="hint">
          No teams yet. A product can have several teams, each with its own members and sprints; without one,
          sprints belong to the whole product.
        </p>
      ) : (
        <ul className="team-list">
          {teams.map((team) => (
            <li key={team.id}>
              <div className="team-list-head">
                <strong>{team.name}</strong>
                {!store.readOnly && (
                  <button
                    type="button"
                    className="link-button"
                    aria-label={`Edit team ${team.name}`}
                    onClick={() => setEditing(team)}
                  >
                    Edit
                  </button>
                )}
              </div>
              <span className="hint">{memberNames(team) || 'No members yet'}</span>
            </li>
          ))}
        </ul>
      )}
      {!store.readOnly && (
        <InlineAdd
          label="New team name"
          placeholder="New team, then Enter"
          maxLength={LIMITS.name}
          button="Add team"
          onAdd={async (name) => {
            try {
              const team = await teamMutations.create.mutateAsync({ name });
              onChanged(team);
              return true;
            } catch (error) {
              notify({
                kind: 'error',
                message: `The team “${name}” was not created: ${(error as Error).message}`,
              });
              return false;
            }
          }}
        />
      )}
      {editing && (
        <TeamDialog
          store={store}
          team={editing}
          onClose={() => setEditing(null)}
          onSaved={(team) => {
            setEditing(null);
            onChanged(team);
          }}
        />
      )}
    </section>
  );
}

/**
 * Closing a sprint: every unfinished item goes either to the next sprint or to the top of the backlog,
 * chosen one by one or all at once; "next sprint" is a planned sprint of the team, or a new one the server
 * creates after this one. The server answers with the sprint report.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { nextSprintName } from '../../../domain/sprint-rules.ts';
import {
  type LeftoverDestinationT,
  type SprintReportT,
  type SprintT,
  sprintsApi,
} from '../../api/execution.ts';
import type { BacklogItemT } from '../../api/types.ts';
import { TypeBadge } from '../../components/chips.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';
import { closeRequest, NEW_SPRINT } from './close-choices.ts';
import { useSprintMutations } from './sprint-mutations.ts';
import { formatRange } from './sprint-numbers.ts';

interface Props {
  sprint: SprintT;
  /** The sprint's items not done (and not won't-do): what the close moves. */
  unfinished: BacklogItemT[];
  onClose: () => void;
  onClosed: (report: SprintReportT) => void;
}

const DESTINATIONS: { value: LeftoverDestinationT; label: string }[] = [
  { value: 'next', label: 'Next sprint' },
  { value: 'backlog', label: 'Backlog top' },
];

export function CloseSprintDialog({ sprint, unfinished, onClose, onClosed }: Props) {
  const id = useId();
  const { close } = useSprintMutations(sprint.productId);
  const [choices, setChoices] = useState(
    () => new Map<string, LeftoverDestinationT>(unfinished.map((item) => [item.id, 'next'])),
  );
  const filter = { teamId: sprint.teamId ?? 'none', state: 'planned' } as const;
  const plannedRead = useQuery({
    queryKey: queryKeys.sprints(sprint.productId, filter),
    queryFn: () => sprintsApi.list(sprint.productId, filter),
  });
  // Without the list (it failed), the choice is a new sprint.
  const planned: SprintT[] | null = plannedRead.data ?? (plannedRead.isError ? [] : null);
  // The first planned sprint until the user picks another.
  const [picked, setNextSprint] = useState<string | null>(null);
  const nextSprint = picked ?? planned?.[0]?.id ?? NEW_SPRINT;
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const setAll = (to: LeftoverDestinationT) => setChoices(new Map(unfinished.map((item) => [item.id, to])));
  const choose = (itemId: string, to: LeftoverDestinationT) =>
    setChoices((current) => new Map(current).set(itemId, to));
  const anyToNext = [...choices.values()].includes('next');

  const submit = async () => {
    setBusy(true);
    try {
      onClosed(await close.mutateAsync({ sprint, body: closeRequest(choices, nextSprint) }));
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  return (
    <Dialog label={`Close ${sprint.name}`} onClose={onClose} className="close-sprint-dialog">
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <h2>Close {sprint.name}</h2>
        {unfinished.length === 0 ? (
          <p>Every item of the sprint is done (or won’t be done). Nothing is left over.</p>
        ) : (
          <>
            <p>
              {unfinished.length} {unfinished.length === 1 ? 'item is' : 'items are'} not done. Choose where
              each one goes.
            </p>
            <fieldset className="close-all">
              <legend className="visually-hidden">Move every unfinished item</legend>
              <button type="button" onClick={() => setAll('next')}>
                All to next sprint
              </button>
              <button type="button" onClick={() => setAll('backlog')}>
                All to backlog top
              </button>
            </fieldset>
            <ul className="close-items">
              {unfinished.map((item) => (
                <li key={item.id}>
                  <fieldset className="close-choice">
                    <legend>
                      <TypeBadge type={item.type} /> <span className="key">{item.key}</span> {item.title}
                    </legend>
                    {DESTINATIONS.map((destination) => (
                      <label key={destination.value} className="radio-label">
                        <input
                          type="radio"
                          name={`${id}-${item.id}`}
                          value={destination.value}
                          checked={choices.get(item.id) === destination.value}
                          onChange={() => choose(item.id, destination.value)}
                        />
                        {destination.label}
                      </label>
                    ))}
                  </fieldset>
                </li>
              ))}
            </ul>
            {anyToNext && (
              <label>
                Which sprint is next
                <select value={nextSprint} onChange={(event) => setNextSprint(event.target.value)}>
                  {(planned ?? []).map((next) => (
                    <option key={next.id} value={next.id}>
                      {next.name} ({formatRange(next.startDate, next.endDate)})
                    </option>
                  ))}
                  <option value={NEW_SPRINT}>Create the next sprint ({nextSprintName(sprint.name)})</option>
                </select>
              </label>
            )}
          </>
        )}
        <FormError error={error} />
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy || planned === null}>
            Close sprint
          </button>
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The process profile and the cadences, for editors: pick a profile (its cadences and Definition of Ready
 * follow), or adjust one cadence. Viewers see the cadences as text.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { type CadenceEveryT, type CadencesT, cadencesApi, type ProcessProfileT } from '../../api/cadences.ts';
import { formatDay, formatInstant } from '../../components/dates.ts';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';

const EVERY: CadenceEveryT[] = [
  'yearly',
  'quarterly',
  'monthly',
  'fortnightly',
  'weekly',
  'daily',
  'per_release',
  'off',
];
const EVERY_LABELS: Record<CadenceEveryT, string> = {
  yearly: 'Yearly',
  quarterly: 'Quarterly',
  monthly: 'Monthly',
  fortnightly: 'Every two weeks',
  weekly: 'Weekly',
  daily: 'Daily',
  per_release: 'Per release',
  off: 'Off',
};

export function ProcessSettings(props: { productId: string; cadences: CadencesT; readOnly: boolean }) {
  const { productId, cadences, readOnly } = props;
  const queryClient = useQueryClient();
  const profileId = useId();
  const refresh = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.process(productId) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.analysis(productId) });
  };
  const setProfile = useMutation({
    mutationFn: (profile: ProcessProfileT) => cadencesApi.setProfile(productId, profile, cadences.version),
    onSuccess: refresh,
  });
  const setEvery = useMutation({
    mutationFn: (change: { artifact: CadencesT['cadences'][number]['artifact']; every: CadenceEveryT }) =>
      cadencesApi.update(productId, { cadences: [change] }, cadences.version),
    onSuccess: (saved) => queryClient.setQueryData(queryKeys.cadences(productId), saved),
  });
  const busy = setProfile.isPending || setEvery.isPending;

  return (
    <section className="home-process" aria-labelledby="home-process-heading">
      <h2 id="home-process-heading">Process and cadences</h2>
      {readOnly ? (
        <p>
          Process profile: <strong>{cadences.profile}</strong>
        </p>
      ) : (
        <p>
          <label htmlFor={profileId}>Process profile </label>
          <select
            id={profileId}
            value={cadences.profile}
            disabled={busy}
            onChange={(event) => setProfile.mutate(event.target.value as ProcessProfileT)}
          >
            <option value="light">Light — small team, continuous flow, no sprints</option>
            <option value="full">Full — several teams, sprints, monthly reviews, PRDs</option>
          </select>
        </p>
      )}
      <FormError error={setProfile.error ?? setEvery.error} />
      <table className="home-cadences">
        <thead>
          <tr>
            <th scope="col">Artifact</th>
            <th scope="col">Every</th>
            <th scope="col">Last done</th>
            <th scope="col">Next due</th>
          </tr>
        </thead>
        <tbody>
          {cadences.cadences.map((entry) => (
            <tr key={entry.artifact} className={entry.overdue ? 'overdue' : undefined}>
              <th scope="row">{entry.label}</th>
              <td>
                {readOnly ? (
                  EVERY_LABELS[entry.every]
                ) : (
                  <select
                    aria-label={`How often: ${entry.label}`}
                    value={entry.every}
                    disabled={busy}
                    onChange={(event) =>
                      setEvery.mutate({
                        artifact: entry.artifact,
                        every: event.target.value as CadenceEveryT,
                      })
                    }
                  >
                    {EVERY.map((every) => (
                      <option key={every} value={every}>
                        {EVERY_LABELS[every]}
                      </option>
                    ))}
                  </select>
                )}
                {!entry.isDefault && <span className="hint"> (adjusted)</span>}
              </td>
              <td>{entry.lastDoneAt ? formatInstant(entry.lastDoneAt) : 'Never'}</td>
              <td>
                {entry.nextDueOn ? formatDay(entry.nextDueOn) : '—'}
                {entry.overdue && <strong className="overdue-mark"> overdue</strong>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">Periods are counted in the calendar of {cadences.timeZone}.</p>
    </section>
  );
}

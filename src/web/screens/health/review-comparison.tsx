/**
 * Two reviews side by side (or a review and the figures now): each figure in both with its difference,
 * the initiatives that became or stopped being at risk, and how each initiative's forecast moved. The
 * maths is in compare-reviews.ts; this only lets the user pick and shows it.
 */
import { useId, useMemo, useState } from 'react';
import { formatInstant } from '../../components/dates.ts';
import { useStore } from '../../state/use-store.ts';
import { compareSnapshots, type FigureChange, type InitiativeRef, inTimeOrder } from './compare-reviews.ts';
import { personName, type ReviewData, type SnapshotT } from './health-text.ts';

/** The id of the figures as they are now, offered beside the recorded reviews. */
const NOW = 'now';

interface Moment {
  id: string;
  label: string;
  at: string;
  snapshot: SnapshotT;
}

export function ReviewComparison({
  reviews,
  current,
}: {
  reviews: readonly ReviewData[];
  /** The figures now and when they were read, when they have arrived. */
  current: { snapshot: SnapshotT; at: string } | null;
}) {
  const store = useStore();
  const moments = useMemo<Moment[]>(() => {
    // Reviews recorded in the same minute by the same person read alike: the later ones are numbered.
    const seen = new Map<string, number>();
    const named = [...reviews].reverse().map((review) => {
      const label = `${formatInstant(review.createdAt)} · ${personName(store.users, review.createdBy)}`;
      const count = (seen.get(label) ?? 0) + 1;
      seen.set(label, count);
      const distinct = count === 1 ? label : `${label} (${count})`;
      return { id: review.id, label: distinct, at: review.createdAt, snapshot: review.snapshot };
    });
    return [...(current ? [{ id: NOW, label: 'Now (not recorded)', ...current }] : []), ...named.reverse()];
  }, [reviews, current, store.users]);
  const [picked, setPicked] = useState<{ first: string | null; second: string | null }>({
    first: null,
    second: null,
  });
  if (reviews.length === 0) return null;
  // Until the user picks, the two newest reviews (or the only one against now).
  const byId = (id: string | null) => moments.find((moment) => moment.id === id);
  const first = byId(picked.first) ?? byId(reviews[1]?.id ?? reviews[0]?.id ?? null);
  const second = byId(picked.second) ?? byId(reviews[1] ? (reviews[0]?.id ?? null) : NOW);

  return (
    <section className="review-compare" aria-label="Compare reviews">
      <h3>Compare two reviews</h3>
      <div className="compare-pick">
        <MomentSelect
          label="Compare"
          moments={moments}
          value={first?.id ?? ''}
          onChange={(id) => setPicked({ ...picked, first: id })}
        />
        <MomentSelect
          label="with"
          moments={moments}
          value={second?.id ?? ''}
          onChange={(id) => setPicked({ ...picked, second: id })}
        />
      </div>
      {!first || !second ? (
        <p className="hint">Record a second review, or wait for the figures now, to compare.</p>
      ) : first.id === second.id ? (
        <p className="hint">Pick two different reviews to compare.</p>
      ) : (
        <ComparisonTables pair={inTimeOrder(first, second)} />
      )}
    </section>
  );
}

function MomentSelect(props: {
  label: string;
  moments: readonly Moment[];
  value: string;
  onChange: (id: string) => void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {props.moments.map((moment) => (
          <option key={moment.id} value={moment.id}>
            {moment.label}
          </option>
        ))}
      </select>
    </label>
  );
}

const TREND_WORDS: Record<FigureChange['trend'], string> = {
  better: 'better',
  worse: 'worse',
  neutral: '',
  same: '',
};

function ComparisonTables({ pair: [earlier, later] }: { pair: [Moment, Moment] }) {
  const captionId = useId();
  const result = compareSnapshots(earlier.snapshot, later.snapshot);
  const row = (figure: FigureChange) => (
    <tr key={figure.id} className={`trend-${figure.trend}`}>
      <th scope="row">{figure.label}</th>
      <td className="numeric">{figure.before}</td>
      <td className="numeric">{figure.after}</td>
      <td className="numeric compare-delta">
        {figure.deltaText}
        {TREND_WORDS[figure.trend] && <span className="trend-word"> · {TREND_WORDS[figure.trend]}</span>}
      </td>
    </tr>
  );
  return (
    <div className="compare-result">
      <div className="health-table-wrap">
        <table className="health-table compare-table" aria-labelledby={captionId}>
          <caption id={captionId}>
            {earlier.label} → {later.label}
          </caption>
          <thead>
            <tr>
              <th scope="col">Figure</th>
              <th scope="col" className="numeric">
                {earlier.label}
              </th>
              <th scope="col" className="numeric">
                {later.label}
              </th>
              <th scope="col" className="numeric">
                Change
              </th>
            </tr>
          </thead>
          <tbody>{result.figures.map(row)}</tbody>
          {result.drift.length > 0 && (
            <tbody>
              <tr className="table-group">
                <th scope="colgroup" colSpan={4}>
                  Drift
                </th>
              </tr>
              {result.drift.map(row)}
            </tbody>
          )}
        </table>
      </div>
      <div className="health-columns">
        <RiskList title="Newly at risk" initiatives={result.newlyAtRisk} />
        <RiskList title="No longer at risk" initiatives={result.noLongerAtRisk} />
      </div>
      {result.forecasts.length > 0 && (
        <div className="health-table-wrap">
          <table className="health-table">
            <caption>How each initiative’s 85% date moved</caption>
            <thead>
              <tr>
                <th scope="col">Initiative</th>
                <th scope="col">{earlier.label}</th>
                <th scope="col">{later.label}</th>
                <th scope="col" className="numeric">
                  On time
                </th>
              </tr>
            </thead>
            <tbody>
              {result.forecasts.map((move) => (
                <tr key={move.initiativeId}>
                  <th scope="row">{move.title}</th>
                  <td>{move.before ?? 'Not open'}</td>
                  <td>{move.after ?? 'Closed or removed'}</td>
                  <td className="numeric">
                    {move.onTimeBefore ?? '—'} → {move.onTimeAfter ?? '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function RiskList({ title, initiatives }: { title: string; initiatives: readonly InitiativeRef[] }) {
  return (
    <div className="health-block">
      <h4>{title}</h4>
      {initiatives.length === 0 ? (
        <p className="hint">None</p>
      ) : (
        <ul aria-label={title}>
          {initiatives.map((initiative) => (
            <li key={initiative.initiativeId}>{initiative.title}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

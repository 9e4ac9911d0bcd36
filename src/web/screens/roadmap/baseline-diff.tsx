/** A roadmap diff, grouped as a reader scans it: added, removed, moved, dates, confidence, the rest. */
import type { FieldChangeT, RoadmapDiffT } from '../../api/baselines.ts';
import { formatInstantDay } from '../../components/dates.ts';
import { useStoreOnce } from '../../state/use-store.ts';
import { byWords, FIELD_LABELS, valueWords } from './baseline-words.ts';

const GROUPS: { title: string; kinds: readonly string[] }[] = [
  { title: 'Moved', kinds: ['moved'] },
  { title: 'Dates shifted', kinds: ['dates'] },
  { title: 'Confidence changed', kinds: ['confidence'] },
  { title: 'Other changes', kinds: ['status', 'title', 'theme', 'visibility'] },
];

export function BaselineDiffView({ diff }: { diff: RoadmapDiffT }) {
  const store = useStoreOnce();
  const empty = diff.added.length === 0 && diff.removed.length === 0 && diff.changes.length === 0;
  if (empty) {
    const since = diff.from.name ?? 'the baseline';
    return (
      <p className="baseline-empty" role="status">
        No change since {since}
        {diff.to.baselineId ? ` up to ${diff.to.name}` : ''}.
      </p>
    );
  }
  const line = (change: FieldChangeT) => (
    <li key={`${change.initiativeId}:${change.field}`}>
      <strong>{change.title}</strong>
      <span className="baseline-change">
        {FIELD_LABELS[change.field] ?? change.field}:{' '}
        <del>{valueWords(store, change.field, change.before)}</del> →{' '}
        <ins>{valueWords(store, change.field, change.after)}</ins>
      </span>
      <span className="hint">{byWords(store, change.by)}</span>
    </li>
  );
  return (
    <div className="baseline-diff">
      {diff.truncated && <p className="hint">Many changes: the oldest are listed without who made them.</p>}
      {diff.added.length > 0 && (
        <section aria-label="Added">
          <h3>Added ({diff.added.length})</h3>
          <ul>
            {diff.added.map(({ initiative, by }) => (
              <li key={initiative.id}>
                <strong>{initiative.title}</strong>
                <span className="hint">{byWords(store, by)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {diff.removed.length > 0 && (
        <section aria-label="Removed">
          <h3>Removed ({diff.removed.length})</h3>
          <ul>
            {diff.removed.map(({ initiative, by }) => (
              <li key={initiative.id}>
                <strong>{initiative.title}</strong>
                <span className="hint">moved to the trash {byWords(store, by)}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {GROUPS.map((group) => {
        const changes = diff.changes.filter((change) => group.kinds.includes(change.kind));
        if (changes.length === 0) return null;
        return (
          <section key={group.title} aria-label={group.title}>
            <h3>
              {group.title} ({changes.length})
            </h3>
            <ul>{changes.map(line)}</ul>
          </section>
        );
      })}
    </div>
  );
}

/** "Q3 plan · 14 May 2026". */
export function baselineLabel(baseline: { name: string; createdAt: string }): string {
  return `${baseline.name} · ${formatInstantDay(baseline.createdAt)}`;
}

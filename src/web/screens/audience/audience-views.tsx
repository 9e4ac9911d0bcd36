/** Each audience view as its audience sees it: the executive's table, the customer's lanes, the team's table. */
import type { CustomerViewT, ExecutiveViewT, TeamViewT } from '../../api/audience.ts';
import { formatDay, formatInstantDay } from '../../components/dates.ts';
import { Markdown } from '../../components/markdown.tsx';

const HORIZONS = [
  ['now', 'Now'],
  ['next', 'Next'],
  ['later', 'Later'],
] as const;

const horizonLabel = (horizon: string) => HORIZONS.find(([h]) => h === horizon)?.[1] ?? horizon;
const day = (date: string | null) => (date ? formatDay(date) : '—');
const CHANGE_LABELS: Record<string, string> = {
  horizon: 'horizon',
  startDate: 'start',
  targetDate: 'target',
  confidence: 'confidence',
  status: 'status',
};

function changeText(changes: Record<string, unknown[]>): string {
  return Object.entries(changes)
    .map(
      ([field, [before, after]]) =>
        `${CHANGE_LABELS[field] ?? field}: ${String(before ?? '—')} → ${String(after ?? '—')}`,
    )
    .join('; ');
}

export function ExecutiveViewPanel({ view }: { view: ExecutiveViewT }) {
  return (
    <div className="audience-view">
      <section aria-labelledby="exec-themes" className="audience-summary">
        <h2 id="exec-themes">Themes and objectives</h2>
        <ul className="audience-chips">
          {view.themes.map((t) => (
            <li key={t.id}>
              {t.name} <span className="hint">{t.initiatives}</span>
            </li>
          ))}
          {view.objectives.map((o) => (
            <li key={o.id} className="objective">
              🎯 {o.title} <span className="hint">{o.initiatives}</span>
            </li>
          ))}
        </ul>
      </section>
      <table className="audience-table">
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Theme</th>
            <th scope="col">Objectives</th>
            <th scope="col">Horizon</th>
            <th scope="col">Target</th>
            <th scope="col">Confidence</th>
            <th scope="col">Outcome metrics</th>
            <th scope="col">Risks</th>
          </tr>
        </thead>
        <tbody>
          {view.initiatives.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.title}</th>
              <td>{i.theme ?? '—'}</td>
              <td>{i.objectives.join(', ') || '—'}</td>
              <td>{horizonLabel(i.horizon)}</td>
              <td>{day(i.targetDate)}</td>
              <td>{i.confidence}</td>
              <td>
                {i.metrics.length === 0
                  ? '—'
                  : i.metrics.map((m) => (
                      <div key={m.name}>
                        {m.name}
                        {(m.baseline || m.target || m.measured) && (
                          <span className="hint">
                            {' '}
                            {[
                              m.baseline && `from ${m.baseline}`,
                              m.target && `to ${m.target}`,
                              m.measured && `now ${m.measured}`,
                            ]
                              .filter(Boolean)
                              .join(', ')}
                          </span>
                        )}
                      </div>
                    ))}
              </td>
              <td className={i.risks.length ? 'audience-risk' : ''}>
                {i.risks.map((r) => r.message).join('; ') || '—'}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Changelog
        entries={view.changelog.map((c) => ({
          key: c.id,
          text: `${c.initiative}: ${c.text}`,
          detail: `${formatInstantDay(c.at)} · ${changeText(c.changes)}`,
        }))}
      />
    </div>
  );
}

export function CustomerViewPanel({ view }: { view: CustomerViewT }) {
  return (
    <div className="audience-view">
      <div className="audience-lanes">
        {HORIZONS.map(([horizon, label]) => {
          const cards = view.initiatives.filter((i) => i.horizon === horizon);
          return (
            <section key={horizon} aria-labelledby={`lane-${horizon}`}>
              <h2 id={`lane-${horizon}`}>{label}</h2>
              {cards.length === 0 && <p className="hint">Nothing here yet.</p>}
              <ul>
                {cards.map((card, n) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: customer rows carry no id (nothing internal); the list is replaced whole
                  <li key={`${card.title}-${n}`} className="audience-card">
                    <h3>
                      {card.title}
                      {card.stage === 'exploring' && (
                        <span className="audience-tag exploring">Exploring</span>
                      )}
                      {card.stage === 'delivered' && (
                        <span className="audience-tag delivered">Delivered</span>
                      )}
                    </h3>
                    {card.summary && <Markdown source={card.summary} />}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      <Changelog entries={view.changelog.map((c, n) => ({ key: String(n), text: c.text }))} />
    </div>
  );
}

export function TeamViewPanel({ view }: { view: TeamViewT }) {
  return (
    <div className="audience-view">
      <table className="audience-table">
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Theme</th>
            <th scope="col">Horizon</th>
            <th scope="col">Dates</th>
            <th scope="col">Confidence</th>
            <th scope="col">Visibility</th>
            <th scope="col">Status</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {view.initiatives.map((i) => (
            <tr key={i.id}>
              <th scope="row">{i.title}</th>
              <td>{i.theme ?? '—'}</td>
              <td>{horizonLabel(i.horizon)}</td>
              <td>
                {day(i.startDate)} – {day(i.targetDate)}
              </td>
              <td>{i.confidence}</td>
              <td>{i.visibility}</td>
              <td>{i.status}</td>
              <td>
                {i.progress.doneItems}/{i.progress.totalItems} items · {i.progress.donePoints}/
                {i.progress.totalPoints} pts
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Changelog
        entries={view.changelog.map((c) => ({
          key: c.id,
          text: `${c.initiative}: ${c.text ?? 'Unannounced change'}${c.announced ? '' : ' (unannounced)'}`,
          detail: `${formatInstantDay(c.at)} · ${changeText(c.changes)}`,
        }))}
      />
    </div>
  );
}

function Changelog({ entries }: { entries: { key: string; text: string; detail?: string }[] }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="audience-changes" className="audience-changes">
      <h2 id="audience-changes">Recent changes</h2>
      <ul>
        {entries.map((e) => (
          <li key={e.key}>
            {e.text}
            {e.detail && <span className="hint"> — {e.detail}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/**
 * /p/:key/releases — the product's releases: planned ones with their target date and progress, released
 * ones with their date; a form for a new one; and whether the release notes (and their feed) are public.
 */
import { Link } from 'react-router';
import type { ReleaseStateT, ReleaseT } from '../../api/releases.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { CreateReleaseForm } from './create-release-form.tsx';
import { ReleaseSettings } from './release-settings.tsx';
import { formatDate, formatInstantDate, progressText } from './release-text.ts';
import { useReleaseList } from './use-releases.ts';
import './releases.css';

const GROUPS: { state: ReleaseStateT; title: string }[] = [
  { state: 'planned', title: 'Planned' },
  { state: 'released', title: 'Released' },
  { state: 'cancelled', title: 'Cancelled' },
];

export function ReleasesScreen() {
  const store = useStore();
  const { releases, error } = useReleaseList(store);
  return (
    <main className="screen releases-screen">
      <div className="releases-page">
        <div className="releases-main">
          <h1>Releases</h1>
          {error && (
            <p className="form-error" role="alert">
              The releases could not be loaded: {error}
            </p>
          )}
          {!releases && !error && (
            <p aria-busy="true" className="hint">
              Loading releases…
            </p>
          )}
          {releases?.length === 0 && (
            <p className="releases-empty">
              No releases yet. {store.readOnly ? '' : 'Create one, then assign the items that ship in it.'}
            </p>
          )}
          {releases &&
            GROUPS.map(({ state, title }) => {
              const group = releases.filter((release) => release.state === state);
              if (group.length === 0) return null;
              return (
                <section key={state} className="release-group" aria-labelledby={`releases-${state}`}>
                  <h2 id={`releases-${state}`}>
                    {title} <span className="hint">{group.length}</span>
                  </h2>
                  <ul className="release-list">
                    {group.map((release) => (
                      <ReleaseRow key={release.id} release={release} />
                    ))}
                  </ul>
                </section>
              );
            })}
        </div>
        <aside className="releases-side" aria-label="Release settings">
          {!store.readOnly && <CreateReleaseForm />}
          <ReleaseSettings />
        </aside>
      </div>
    </main>
  );
}

function ReleaseRow({ release }: { release: ReleaseT }) {
  const store = useStore();
  const percent = release.itemCount > 0 ? Math.round((release.doneCount / release.itemCount) * 100) : 0;
  return (
    <li className={`release-row release-${release.state}`}>
      <Link to={paths.release(store.product.key, release.id)} className="release-name">
        {release.name}
      </Link>
      <span className="release-when">
        {release.state === 'released' && release.releasedAt
          ? `Released ${formatInstantDate(release.releasedAt)}`
          : release.targetDate
            ? `Target ${formatDate(release.targetDate)}`
            : 'No target date'}
      </span>
      {release.state === 'planned' ? (
        <span className="release-progress">
          <span
            className="progress-track"
            role="progressbar"
            aria-label={`${release.name} progress`}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            aria-valuetext={progressText(release)}
          >
            <span className="progress-fill" style={{ width: `${percent}%` }} />
          </span>
          <span className="hint">{progressText(release)}</span>
        </span>
      ) : (
        <span className="hint">
          {progressText(release)} · {release.notesPublishedAt ? 'Notes published' : 'Notes not published'}
        </span>
      )}
    </li>
  );
}

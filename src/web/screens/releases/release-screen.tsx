/**
 * /p/:key/releases/:releaseId — one release: its name, target date and state, the items shipping in it,
 * and its notes (generated, edited, published).
 */
import { Link, useParams } from 'react-router';
import { RELEASE_STATE_LABELS } from '../../api/releases.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { ReleaseFields, ReleaseName } from './release-fields.tsx';
import { ReleaseItems } from './release-items.tsx';
import { ReleaseNotes } from './release-notes.tsx';
import { useReleaseDetail } from './use-releases.ts';
import './releases.css';

export function ReleaseScreen() {
  const store = useStore();
  const { releaseId = '' } = useParams();
  const { detail, error, reload, accept, save } = useReleaseDetail(store, releaseId);
  const key = store.product.key;

  if (!detail) {
    if (!error) return <main className="screen release-screen" aria-busy="true" />;
    return (
      <main className="screen release-screen">
        <div className="centered">
          <h1>{error.status === 404 ? 'No such release' : 'The release could not be loaded'}</h1>
          <p role="alert">
            {error.status === 404
              ? `It does not exist in ${store.product.name}, or it was deleted.`
              : error.message}{' '}
            <Link to={paths.releases(key)}>Back to the releases</Link>.
          </p>
        </div>
      </main>
    );
  }

  const saver = { release: detail, accept, reload, save };
  return (
    <main className="screen release-screen">
      <nav className="release-crumbs" aria-label="Back">
        <Link to={paths.releases(key)}>← Releases</Link>
      </nav>
      <div className="release-page">
        <div className="release-main">
          <header className="release-header">
            <ReleaseName key={detail.id} saver={saver} />
            <span className={`release-state release-state-${detail.state}`}>
              {RELEASE_STATE_LABELS[detail.state]}
            </span>
          </header>
          <ReleaseItems release={detail} onChanged={reload} />
          <ReleaseNotes key={detail.id} saver={saver} />
        </div>
        <aside className="release-side" aria-label="Release details">
          <ReleaseFields saver={saver} />
        </aside>
      </div>
    </main>
  );
}

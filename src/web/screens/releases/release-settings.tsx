/**
 * The product's release-notes settings: whether published notes (and the Atom feed) are public, which only
 * admins and owners may change, and the feed's address to copy into a reader.
 */
import { useId, useState } from 'react';
import { ApiError } from '../../api/client.ts';
import { productsApi } from '../../api/products.ts';
import { feedPath, setReleaseNotesPublic } from '../../api/releases.ts';
import { notify } from '../../state/notices.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { useSignedIn } from '../../state/session.tsx';
import { useStore } from '../../state/use-store.ts';

const said = (isPublic: boolean) => (isPublic ? 'Public' : 'Members only');

/** Someone changed the product since it was shown: show theirs, and offer to apply this change over it. */
async function productConflict(store: ProductStore, mine: boolean, retry: () => void): Promise<void> {
  const theirs = await productsApi.get(store.product.id).catch(() => null);
  if (theirs) {
    store.product = theirs;
    store.changed();
  }
  notify({
    kind: 'conflict',
    message: `Someone else changed ${store.product.name} meanwhile. Your change was not saved.`,
    conflict: {
      title: store.product.name,
      fields: [
        {
          field: 'Release notes',
          mine: said(mine),
          theirs: theirs ? said(theirs.releaseNotesPublic) : '?',
        },
      ],
      retry,
    },
  });
}

export function ReleaseSettings() {
  const store = useStore();
  const { user } = useSignedIn();
  // The switch shows the new state at once; the store follows when the server has saved it.
  const [pending, setPending] = useState<boolean | null>(null);
  const [copied, setCopied] = useState(false);
  const hintId = useId();
  const product = store.product;
  const mayChange = user.role === 'owner' || user.role === 'admin';
  const feedUrl = `${window.location.origin}${feedPath(product.key)}`;

  const isPublic = pending ?? product.releaseNotesPublic;

  const toggle = async (value: boolean) => {
    setPending(value);
    try {
      store.product = await setReleaseNotesPublic(product, value);
      store.changed();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        await productConflict(store, value, () => void toggle(value));
        return;
      }
      const message = error instanceof ApiError ? error.fieldMessage : (error as Error).message;
      notify({ kind: 'error', message: `The setting was not saved: ${message}` });
    } finally {
      setPending(null);
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(feedUrl);
      setCopied(true);
      setTimeout(() => setCopied(false), 2500);
    } catch {
      // No clipboard access (an insecure origin): select the address so Ctrl+C copies it.
      const field = document.getElementById(`${hintId}-feed`) as HTMLInputElement | null;
      field?.select();
    }
  };

  return (
    <section className="release-settings" aria-labelledby={`${hintId}-title`}>
      <h2 id={`${hintId}-title`}>Release notes</h2>
      <label className="switch">
        <input
          type="checkbox"
          role="switch"
          aria-checked={isPublic}
          checked={isPublic}
          disabled={!mayChange || pending !== null}
          aria-describedby={hintId}
          onChange={(event) => void toggle(event.target.checked)}
        />
        Release notes are public
      </label>
      <p className="hint" id={hintId}>
        {isPublic
          ? 'Anyone with the address can read the published notes and the feed, without signing in.'
          : 'Only signed-in members of this product can read the published notes and the feed.'}
        {!mayChange && ' Only admins and owners can change this.'}
      </p>
      <div className="feed-url">
        <label htmlFor={`${hintId}-feed`}>Atom feed</label>
        <div className="feed-url-row">
          <input id={`${hintId}-feed`} readOnly value={feedUrl} onFocus={(event) => event.target.select()} />
          <button type="button" onClick={() => void copy()}>
            Copy
          </button>
          <span role="status" className="hint">
            {copied ? 'Copied' : ''}
          </span>
        </div>
      </div>
    </section>
  );
}

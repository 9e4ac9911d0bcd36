/**
 * Sharing the customer roadmap (editors only): make a link with an optional expiry, copy its URL (shown
 * once: the server keeps only a hash of it), and list or revoke the links that work.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { type CreatedShareLinkT, shareLinksApi } from '../../api/audience.ts';
import { formatInstant } from '../../components/dates.ts';
import { Dialog } from '../../components/dialog.tsx';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';

export function ShareLinksDialog({ productId, onClose }: { productId: string; onClose: () => void }) {
  const id = useId();
  const queryClient = useQueryClient();
  const [expiry, setExpiry] = useState('');
  const [created, setCreated] = useState<CreatedShareLinkT | null>(null);
  const [copied, setCopied] = useState(false);
  const links = useQuery({
    queryKey: queryKeys.shareLinks(productId),
    queryFn: ({ signal }) => shareLinksApi.list(productId, signal),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.shareLinks(productId) });
  const create = useMutation({
    // A day chosen in the form ends at the end of that day, in the reader's time zone.
    mutationFn: () =>
      shareLinksApi.create(productId, expiry ? new Date(`${expiry}T23:59:59`).toISOString() : null),
    onSuccess: (link) => {
      setCreated(link);
      setCopied(false);
      void refresh();
    },
  });
  const revoke = useMutation({ mutationFn: shareLinksApi.revoke, onSuccess: () => void refresh() });

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.url);
      setCopied(true);
    } catch {
      // No clipboard access (an insecure origin): select the address so Ctrl+C copies it.
      (document.getElementById(`${id}-url`) as HTMLInputElement | null)?.select();
    }
  };

  return (
    <Dialog label="Share the customer roadmap" onClose={onClose} className="share-dialog">
      <h2>Share the customer roadmap</h2>
      <p className="hint">
        Anyone with the link can read the customer view — public initiatives in their public words, without
        dates — without signing in. Search engines are asked not to index it.
      </p>
      <form
        className="share-form"
        onSubmit={(event) => {
          event.preventDefault();
          create.mutate();
        }}
      >
        <label htmlFor={`${id}-expiry`}>Expires (optional)</label>
        <input
          id={`${id}-expiry`}
          type="date"
          value={expiry}
          onChange={(event) => setExpiry(event.target.value)}
        />
        <button type="submit" className="primary" disabled={create.isPending}>
          Create link
        </button>
      </form>
      <FormError error={create.error} />
      {created && (
        <div className="share-created">
          <label htmlFor={`${id}-url`}>Link (shown only now: copy it)</label>
          <div className="share-url-row">
            <input id={`${id}-url`} readOnly value={created.url} onFocus={(event) => event.target.select()} />
            <button type="button" onClick={() => void copy()}>
              Copy
            </button>
            <span role="status" className="hint">
              {copied ? 'Copied' : ''}
            </span>
          </div>
        </div>
      )}
      <h3>Links that work</h3>
      {links.error && <FormError error={links.error} />}
      {links.data?.length === 0 && <p className="hint">No links yet.</p>}
      <ul className="share-list">
        {links.data?.map((link) => (
          <li key={link.id}>
            <span>
              Customer view · made {formatInstant(link.createdAt)} ·{' '}
              {link.expiresAt ? `expires ${formatInstant(link.expiresAt)}` : 'no expiry'}
            </span>
            <button
              type="button"
              onClick={() => revoke.mutate(link.id)}
              disabled={revoke.isPending}
              aria-label={`Revoke the link made ${formatInstant(link.createdAt)}`}
            >
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <FormError error={revoke.error} />
      <div className="dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}

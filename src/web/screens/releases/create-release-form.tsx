/** A new release: its name and, optionally, its target date. Opens the release once it exists. */
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import { FormError } from '../../components/form-error.tsx';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { useReleaseMutations } from './use-releases.ts';

export function CreateReleaseForm() {
  const store = useStore();
  const navigate = useNavigate();
  const { create } = useReleaseMutations(store.product.id);
  const [name, setName] = useState('');
  const [targetDate, setTargetDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="create-release"
      aria-label="New release"
      onSubmit={async (event) => {
        event.preventDefault();
        if (!name.trim()) return;
        setBusy(true);
        try {
          const release = await create.mutateAsync({
            name: name.trim(),
            targetDate: targetDate || null,
          });
          navigate(paths.release(store.product.key, release.id));
        } catch (failure) {
          setError(failure);
          setBusy(false);
        }
      }}
    >
      <h2>New release</h2>
      <div className="create-release-fields">
        <label>
          Name
          <input
            value={name}
            maxLength={LIMITS.releaseName}
            required
            placeholder="e.g. 2.4"
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <label>
          Target date
          <input type="date" value={targetDate} onChange={(event) => setTargetDate(event.target.value)} />
        </label>
        <button type="submit" className="primary" disabled={busy || !name.trim()}>
          Create release
        </button>
      </div>
      <FormError error={error} />
    </form>
  );
}

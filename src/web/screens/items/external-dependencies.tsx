/** External business dependencies — an approval, a partner's delivery — that the item waits for. */
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { dependenciesApi } from '../../api/dependencies.ts';
import type { ExternalDependencyT, ItemT } from '../../api/types.ts';
import { FormError } from '../../components/form-error.tsx';
import { notify } from '../../state/notices.ts';
import type { ItemDependencies } from './use-item-dependencies.ts';

export function ExternalDependencies({
  item,
  dependencies,
}: {
  item: ItemT;
  dependencies: ItemDependencies;
}) {
  const { deps, setDeps } = dependencies;
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [expectedDate, setExpectedDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);

  const replace = (next: ExternalDependencyT) =>
    setDeps((held) => held && { ...held, external: held.external.map((e) => (e.id === next.id ? next : e)) });

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setAdding(true);
    setError(null);
    try {
      const created = await dependenciesApi.addExternal(item.id, {
        title: title.trim(),
        owner: owner.trim(),
        expectedDate: expectedDate || null,
      });
      setDeps((held) => held && { ...held, external: [...held.external, created] });
      setTitle('');
      setOwner('');
      setExpectedDate('');
    } catch (caught) {
      setError(caught);
    } finally {
      setAdding(false);
    }
  };

  const setMet = async (external: ExternalDependencyT, met: boolean) => {
    replace({ ...external, met });
    try {
      replace(await dependenciesApi.updateExternal(external.id, { met }));
    } catch (caught) {
      replace(external);
      notify({ kind: 'error', message: `“${external.title}” was not saved: ${(caught as Error).message}` });
    }
  };

  const remove = async (external: ExternalDependencyT) => {
    setDeps((held) => held && { ...held, external: held.external.filter((e) => e.id !== external.id) });
    try {
      await dependenciesApi.removeExternal(external.id);
    } catch (caught) {
      setDeps((held) => held && { ...held, external: [...held.external, external] });
      notify({ kind: 'error', message: `“${external.title}” was not removed: ${(caught as Error).message}` });
    }
  };

  const waiting = deps?.external.filter((e) => !e.met).length ?? 0;
  return (
    <section className="item-section" aria-labelledby="item-external-heading">
      <div className="section-heading">
        <h3 id="item-external-heading">External dependencies</h3>
        {deps && deps.external.length > 0 && (
          <span className="hint">{waiting === 0 ? 'all met' : `${waiting} not met yet`}</span>
        )}
      </div>
      {deps && deps.external.length > 0 && (
        <ul className="externals" aria-labelledby="item-external-heading">
          {deps.external.map((external) => (
            <li key={external.id} className={external.met ? 'external met' : 'external'}>
              <label className="external-met">
                <input
                  type="checkbox"
                  checked={external.met}
                  onChange={(event) => void setMet(external, event.target.checked)}
                />
                <span className="visually-hidden">Met: </span>
                <span className="external-title">{external.title}</span>
              </label>
              <span className="external-meta">
                {[external.owner, external.expectedDate && `expected ${external.expectedDate}`]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove external dependency ${external.title}`}
                onClick={() => void remove(external)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="external-add"
        onSubmit={(event) => void add(event)}
        aria-label="Add an external dependency"
      >
        <input
          aria-label="What is awaited"
          placeholder="Legal approval, partner API…"
          value={title}
          maxLength={LIMITS.externalTitle}
          onChange={(event) => setTitle(event.target.value)}
        />
        <input
          aria-label="Owner"
          placeholder="Owner"
          value={owner}
          maxLength={LIMITS.externalOwner}
          onChange={(event) => setOwner(event.target.value)}
        />
        <input
          type="date"
          aria-label="Expected date"
          value={expectedDate}
          onChange={(event) => setExpectedDate(event.target.value)}
        />
        <button type="submit" disabled={adding || !title.trim()} aria-label="Add external dependency">
          Add
        </button>
      </form>
      <FormError error={error} />
    </section>
  );
}

/** External business dependencies — an approval, a partner's delivery — that the item waits for. */
import { type FormEvent, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { ExternalDependencyT, ItemT } from '../../api/types.ts';
import { FormError } from '../../components/form-error.tsx';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';
import { useDependencyMutations } from './dependency-mutations.ts';
import type { ItemDependencies } from './use-item-dependencies.ts';

export function ExternalDependencies({
  item,
  dependencies,
}: {
  item: ItemT;
  dependencies: ItemDependencies;
}) {
  const { deps } = dependencies;
  const store = useStore();
  const mutations = useDependencyMutations(store.product.id, item.id);
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [expectedDate, setExpectedDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [adding, setAdding] = useState(false);
  // What a checkbox shows while its change is saved. The cache's optimistic update lands a task later (the
  // query cache notifies asynchronously), and a controlled checkbox would meanwhile be drawn unticked again.
  const [metShown, setMetShown] = useState<ReadonlyMap<string, boolean>>(new Map());

  const add = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim()) return;
    setAdding(true);
    setError(null);
    try {
      await mutations.addExternal.mutateAsync({
        title: title.trim(),
        owner: owner.trim(),
        expectedDate: expectedDate || null,
      });
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
    setMetShown((shown) => new Map(shown).set(external.id, met));
    try {
      await mutations.setMet.mutateAsync({ external, met });
    } catch (caught) {
      notify({ kind: 'error', message: `“${external.title}” was not saved: ${(caught as Error).message}` });
    } finally {
      setMetShown((shown) => {
        const next = new Map(shown);
        next.delete(external.id);
        return next;
      });
    }
  };
  const isMet = (external: ExternalDependencyT) => metShown.get(external.id) ?? external.met;

  const remove = async (external: ExternalDependencyT) => {
    try {
      await mutations.removeExternal.mutateAsync(external);
    } catch (caught) {
      notify({ kind: 'error', message: `“${external.title}” was not removed: ${(caught as Error).message}` });
    }
  };

  const waiting = deps?.external.filter((e) => !isMet(e)).length ?? 0;
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
            <li key={external.id} className={isMet(external) ? 'external met' : 'external'}>
              <label className="external-met">
                <input
                  type="checkbox"
                  checked={isMet(external)}
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

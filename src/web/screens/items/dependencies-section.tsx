/**
 * Dependencies between items: what blocks this one and what it blocks, each a link to that item's panel with
 * its status. Add one by key; the server refuses a cycle and its message says which items close it.
 */
import { type FormEvent, useState } from 'react';
import { Link } from 'react-router';
import { HIDDEN_ITEM_LABEL } from '../../../domain/hidden-item.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import type { DependencyT, ItemT } from '../../api/types.ts';
import { StatusChip } from '../../components/chips.tsx';
import { paths } from '../../routes.ts';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';
import { type Relation, useDependencyMutations } from './dependency-mutations.ts';
import type { PanelLocationState } from './panel-navigation.ts';
import type { ItemDependencies } from './use-item-dependencies.ts';

/** The API's own words, with the item the user typed instead of the field's name. */
function explain(error: unknown, key: string): string {
  if (!(error instanceof ApiError)) return (error as Error).message;
  const issue = (error.details as { issues?: { path?: unknown; message: string }[] } | undefined)
    ?.issues?.[0];
  const text = issue && error.code === 'validation_failed' ? `${key} ${issue.message}` : error.message;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function DependenciesSection(props: {
  item: ItemT;
  dependencies: ItemDependencies;
  linkState: PanelLocationState | undefined;
}) {
  const { item, linkState } = props;
  const { deps, error } = props.dependencies;
  const store = useStore();
  const mutations = useDependencyMutations(store.product.id, item.id);
  const [relation, setRelation] = useState<Relation>('blockedBy');
  const [kind, setKind] = useState<'technical' | 'business'>('technical');
  const [key, setKey] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  const add = async (event: FormEvent) => {
    event.preventDefault();
    let other = key.trim().toUpperCase();
    if (!other) return;
    if (/^\d+$/.test(other)) other = `${store.product.key}-${other}`;
    setAdding(true);
    setAddError(null);
    try {
      await mutations.link.mutateAsync({ relation, other, kind });
      setKey('');
    } catch (caught) {
      setAddError(explain(caught, other));
    } finally {
      setAdding(false);
    }
  };

  const remove = async (dependency: DependencyT, list: Relation) => {
    try {
      await mutations.unlink.mutateAsync({ dependency, list });
    } catch (caught) {
      notify({ kind: 'error', message: `The dependency was not removed: ${(caught as Error).message}` });
    }
  };

  const row = (dependency: DependencyT, list: Relation) => {
    const otherId = list === 'blockedBy' ? dependency.blockerId : dependency.blockedId;
    const otherKey = list === 'blockedBy' ? dependency.blockerKey : dependency.blockedKey;
    // The server leaves out the key and id of an item in a product this user is not a member of.
    const other = otherId === null ? undefined : store.items.get(otherId);
    return (
      <li key={dependency.id} className="dependency">
        {otherKey === null ? (
          <span className="dependency-hidden">{HIDDEN_ITEM_LABEL}</span>
        ) : (
          <Link to={paths.item(otherKey)} state={linkState} className="dependency-link">
            <span className="key">{otherKey}</span>{' '}
            <span className="dependency-title">{other?.title ?? ''}</span>
          </Link>
        )}
        {other && <StatusChip status={other.status} />}
        {dependency.kind === 'business' && <span className="kind-badge">business</span>}
        <button
          type="button"
          className="icon-button"
          aria-label={`Remove dependency on ${otherKey ?? HIDDEN_ITEM_LABEL}`}
          onClick={() => void remove(dependency, list)}
        >
          ×
        </button>
      </li>
    );
  };

  return (
    <section className="item-section" aria-labelledby="item-dependencies-heading">
      <h3 id="item-dependencies-heading">Dependencies</h3>
      {error && (
        <p className="form-error" role="alert">
          Could not load the dependencies: {error}
        </p>
      )}
      {deps && (
        <div className="dependency-lists">
          <h4 id="item-blocked-by-heading">Blocked by</h4>
          {deps.blockedBy.length ? (
            <ul aria-labelledby="item-blocked-by-heading">
              {deps.blockedBy.map((d) => row(d, 'blockedBy'))}
            </ul>
          ) : (
            <p className="hint">Nothing blocks {item.key}.</p>
          )}
          <h4 id="item-blocks-heading">Blocks</h4>
          {deps.blocks.length ? (
            <ul aria-labelledby="item-blocks-heading">{deps.blocks.map((d) => row(d, 'blocks'))}</ul>
          ) : (
            <p className="hint">{item.key} blocks nothing.</p>
          )}
        </div>
      )}
      <form className="dependency-add" onSubmit={(event) => void add(event)} aria-label="Add a dependency">
        <label>
          <span className="visually-hidden">Relation</span>
          <select value={relation} onChange={(event) => setRelation(event.target.value as Relation)}>
            <option value="blockedBy">Is blocked by</option>
            <option value="blocks">Blocks</option>
          </select>
        </label>
        <label>
          <span className="visually-hidden">Item key</span>
          <input
            value={key}
            placeholder={`${store.product.key}-12`}
            maxLength={LIMITS.itemRef}
            onChange={(event) => setKey(event.target.value)}
          />
        </label>
        <label>
          <span className="visually-hidden">Kind</span>
          <select value={kind} onChange={(event) => setKind(event.target.value as 'technical' | 'business')}>
            <option value="technical">Technical</option>
            <option value="business">Business</option>
          </select>
        </label>
        <button type="submit" disabled={adding || !key.trim()}>
          Add dependency
        </button>
      </form>
      {addError && (
        <p className="form-error" role="alert">
          {addError}
        </p>
      )}
    </section>
  );
}

/**
 * The command palette (Ctrl/Cmd+K): one input to jump to an item by key or words, an initiative, a view, or
 * to run an action. A combobox over a grouped listbox: ↑/↓ move, Enter runs, Esc closes.
 */
import './palette.css';
import { useQueryClient } from '@tanstack/react-query';
import { type KeyboardEvent, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { type Location, useNavigate } from 'react-router';
import { LIMITS } from '../../../schemas/limits.ts';
import { SPRINT_STATE_LABELS } from '../../api/execution.ts';
import { RELEASE_STATE_LABELS } from '../../api/releases.ts';
import { HORIZON_LABELS } from '../../api/types.ts';
import { StatusChip, TypeBadge } from '../../components/chips.tsx';
import { Dialog } from '../../components/dialog.tsx';
import { domId } from '../../components/dom-id.ts';
import { itemKeyInPath, paths, productKeyOf, usePageLocation } from '../../routes.ts';
import { createItem } from '../../state/mutations/backlog.ts';
import { createInitiative } from '../../state/mutations/initiatives.ts';
import { useSession } from '../../state/session.tsx';
import { useReleases, useSprints, useViews } from '../../state/use-plan-lists.ts';
import { useStore } from '../../state/use-store.ts';
import { backlogViewPath } from '../backlog/backlog-filters.ts';
import type { PanelLocationState } from '../items/panel-navigation.ts';
import { type PaletteEntry, type PaletteLists, searchPalette } from './palette-search.ts';

type Mode = 'search' | 'new-item' | 'new-initiative';

const optionId = (index: number) => `palette-option-${index}`;

/**
 * The state an item link needs here: keep the screen underneath, counting items opened from a panel. An
 * item of another product opens over that product's backlog instead.
 */
function itemLinkState(location: Location, sameProduct: boolean): PanelLocationState | undefined {
  if (!sameProduct) return undefined;
  const state = location.state as PanelLocationState | null;
  if (state?.background) return { background: state.background, panelDepth: (state.panelDepth ?? 1) + 1 };
  return itemKeyInPath(location.pathname) ? undefined : { background: location };
}

export function CommandPalette({ onClose, onHelp }: { onClose: () => void; onHelp: () => void }) {
  const store = useStore();
  const navigate = useNavigate();
  const location = usePageLocation();
  const { logout } = useSession();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState('');
  const [mode, setMode] = useState<Mode>('search');
  const [active, setActive] = useState(0);
  // Typing stays instant; the search over the whole backlog follows a frame behind if it must.
  const deferredQuery = useDeferredValue(query);
  const version = store.version;
  const sprints = useSprints(store.product.id);
  const releases = useReleases(store.product.id);
  const { views: savedViews } = useViews(store.product.id);
  const lists: PaletteLists = useMemo(
    () => ({ sprints, releases, savedViews }),
    [sprints, releases, savedViews],
  );

  const groups = useMemo(() => {
    void version;
    return mode === 'search' ? searchPalette(store, deferredQuery, lists) : [];
  }, [store, deferredQuery, mode, version, lists]);
  const entries = useMemo(() => groups.flatMap((group) => group.entries), [groups]);
  const activeIndex = Math.min(active, Math.max(entries.length - 1, 0));

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex]);

  const openItem = (key: string) =>
    navigate(paths.item(key), { state: itemLinkState(location, productKeyOf(key) === store.product.key) });

  const newItem = async (title: string) => {
    onClose();
    const created = await createItem(store, { title }, 'top');
    if (created) openItem(created.key);
  };
  const newInitiative = async (title: string) => {
    onClose();
    const created = await createInitiative(store, { title });
    if (created) navigate(paths.initiative(store.product.key, created.id));
  };

  const run = (entry: PaletteEntry) => {
    const key = store.product.key;
    switch (entry.kind) {
      case 'item':
        onClose();
        openItem(entry.item.key);
        return;
      case 'initiative':
        onClose();
        navigate(paths.initiative(key, entry.initiative.id));
        return;
      case 'sprint':
        onClose();
        navigate(paths.sprint(key, entry.sprint.id));
        return;
      case 'release':
        onClose();
        navigate(paths.release(key, entry.release.id));
        return;
      case 'saved-view':
        onClose();
        navigate(backlogViewPath(key, entry.savedView));
        return;
      case 'view':
        onClose();
        navigate(
          {
            backlog: paths.backlog,
            roadmap: paths.roadmap,
            timeline: paths.timeline,
            sprints: paths.sprints,
            board: paths.board,
            reports: paths.reports,
            releases: paths.releases,
            products: paths.products,
          }[entry.view](key),
        );
        return;
      case 'action':
        switch (entry.action) {
          case 'new-item':
          case 'new-initiative':
            setMode(entry.action);
            setQuery('');
            return;
          case 'open-key':
            onClose();
            openItem(query.trim().toUpperCase());
            return;
          case 'create-item':
            void newItem(query.trim());
            return;
          case 'create-initiative':
            void newInitiative(query.trim());
            return;
          case 'help':
            onClose();
            onHelp();
            return;
          case 'logout':
            onClose();
            queryClient.clear();
            void logout().then(() => navigate('/'));
            return;
        }
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (mode !== 'search') {
      if (event.key === 'Enter') {
        event.preventDefault();
        const title = query.trim();
        if (!title) return;
        void (mode === 'new-item' ? newItem(title) : newInitiative(title));
      } else if (event.key === 'Backspace' && query === '') {
        setMode('search');
      }
      return;
    }
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (entries.length === 0) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + entries.length) % entries.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      // Enter right after typing must act on what was typed, not on results a frame old.
      const current =
        deferredQuery === query ? entries : searchPalette(store, query, lists).flatMap((g) => g.entries);
      const entry = current[deferredQuery === query ? activeIndex : 0];
      if (entry) run(entry);
    }
  };

  let index = 0;
  return (
    <Dialog label="Command palette" onClose={onClose} className="palette">
      {mode !== 'search' && (
        <p className="palette-mode" id="palette-mode">
          {mode === 'new-item' ? 'New item at the top of the backlog' : 'New initiative'} · Enter creates, Esc
          closes
        </p>
      )}
      <input
        className="palette-input"
        role="combobox"
        aria-label={
          mode === 'search'
            ? 'Search items, initiatives, views and actions'
            : mode === 'new-item'
              ? 'Title of the new item'
              : 'Title of the new initiative'
        }
        aria-expanded={entries.length > 0}
        aria-controls={entries.length > 0 ? 'palette-results' : undefined}
        aria-autocomplete="list"
        aria-activedescendant={entries.length > 0 ? optionId(activeIndex) : undefined}
        placeholder={
          mode === 'search' ? 'Type a key (CHK-42), words, a view or an action…' : 'Title, then Enter'
        }
        autoComplete="off"
        spellCheck={false}
        maxLength={
          mode === 'search' ? LIMITS.search : mode === 'new-item' ? LIMITS.itemTitle : LIMITS.initiativeTitle
        }
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {entries.length > 0 && (
        <div id="palette-results" role="listbox" aria-label="Results" className="palette-results">
          {groups.map((group) => (
            // biome-ignore lint/a11y/useSemanticElements: inside a listbox, options are grouped by role="group"
            <div key={group.title} role="group" aria-labelledby={domId('palette-group', group.title)}>
              <div
                role="presentation"
                id={domId('palette-group', group.title)}
                className="palette-group-title"
              >
                {group.title}
              </div>
              {group.entries.map((entry) => {
                const at = index++;
                return (
                  // biome-ignore lint/a11y/useKeyWithClickEvents: the keys are the combobox's (↑ ↓ Enter), as ARIA asks
                  <div
                    key={entryKey(entry)}
                    id={optionId(at)}
                    role="option"
                    aria-selected={at === activeIndex}
                    tabIndex={-1}
                    className={at === activeIndex ? 'palette-option active' : 'palette-option'}
                    onMouseMove={() => at !== activeIndex && setActive(at)}
                    onClick={() => run(entry)}
                  >
                    <EntryContent entry={entry} />
                  </div>
                );
              })}
            </div>
          ))}
        </div>
      )}
      {mode === 'search' && deferredQuery.trim() !== '' && entries.length === 0 && (
        <p className="palette-empty">Nothing matches “{deferredQuery.trim()}”.</p>
      )}
    </Dialog>
  );
}

function entryKey(entry: PaletteEntry): string {
  switch (entry.kind) {
    case 'item':
      return `item-${entry.item.id}`;
    case 'initiative':
      return `initiative-${entry.initiative.id}`;
    case 'view':
      return `view-${entry.view}`;
    case 'sprint':
      return `sprint-${entry.sprint.id}`;
    case 'release':
      return `release-${entry.release.id}`;
    case 'saved-view':
      return `saved-view-${entry.savedView.id}`;
    case 'action':
      return `action-${entry.action}`;
  }
}

function EntryContent({ entry }: { entry: PaletteEntry }) {
  switch (entry.kind) {
    case 'item':
      return (
        <>
          <TypeBadge type={entry.item.type} />
          <span className="key">{entry.item.key}</span>
          <span className="palette-label">{entry.item.title}</span>
          <StatusChip status={entry.item.status} />
        </>
      );
    case 'initiative':
      return (
        <>
          <span className="palette-label">{entry.initiative.title}</span>
          <span className="hint">{HORIZON_LABELS[entry.initiative.horizon]}</span>
        </>
      );
    case 'view':
      return <span className="palette-label">{entry.label}</span>;
    case 'sprint':
      return (
        <>
          <span className="palette-label">{entry.sprint.name}</span>
          <span className="hint">{SPRINT_STATE_LABELS[entry.sprint.state]} sprint</span>
        </>
      );
    case 'release':
      return (
        <>
          <span className="palette-label">{entry.release.name}</span>
          <span className="hint">{RELEASE_STATE_LABELS[entry.release.state]} release</span>
        </>
      );
    case 'saved-view':
      return (
        <>
          <span className="palette-label">{entry.savedView.name}</span>
          <span className="hint">Backlog view</span>
        </>
      );
    case 'action':
      return (
        <>
          <span className="palette-label">{entry.label}</span>
          {entry.hint && <kbd>{entry.hint}</kbd>}
        </>
      );
  }
}

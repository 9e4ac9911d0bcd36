/**
 * The item detail: a side panel over the current screen, at the item's own URL (/CHK-42). It renders from
 * the store, so a change by someone else shows as soon as the live stream brings it, and every edit goes
 * through the optimistic mutations.
 */
import './item-panel.css';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import type { ItemT } from '../../api/types.ts';
import { CommentsPanel } from '../../components/comments/comments-panel.tsx';
import { scopeClass } from '../../components/edit-scope.ts';
import { paths } from '../../routes.ts';
import { trashItem } from '../../state/mutations/backlog.ts';
import { useStore } from '../../state/use-store.ts';
import { AcceptanceCriteria } from './acceptance-criteria.tsx';
import { DependenciesSection } from './dependencies-section.tsx';
import { DescriptionEditor } from './description-editor.tsx';
import { ExternalDependencies } from './external-dependencies.tsx';
import { ItemFields } from './item-fields.tsx';
import { ItemHeader } from './item-header.tsx';
import { ItemHistory } from './item-history.tsx';
import { type PanelLocationState, usePanelNavigation } from './panel-navigation.ts';
import { ItemPreview, PanelMessage, RestoreButton } from './panel-states.tsx';
import { ReadinessSection } from './readiness-section.tsx';
import { StoryEditor } from './story-editor.tsx';
import { useFullItem } from './use-full-item.ts';
import { useItemDependencies } from './use-item-dependencies.ts';

/** Esc in a text field belongs to that field (it cancels the edit); anywhere else it closes the panel. */
function editsText(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target.tagName === 'TEXTAREA') return true;
  return (
    target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit'].includes(target.type)
  );
}

export function ItemPanel({ itemKey }: { itemKey: string }) {
  const { close, linkState } = usePanelNavigation();
  const panelRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || editsText(event.target)) return;
      event.preventDefault();
      close();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [close]);

  // Focus returns to where it was (a backlog row) when the panel closes.
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (previous?.isConnected && !panelRef.current?.contains(previous))
        previous.focus({ preventScroll: true });
    };
  }, []);

  // Each item opened moves the focus into the panel, so Tab reaches its fields next — unless the user is
  // typing somewhere else (a double-click on a backlog title opens the panel with its first click and
  // starts the inline title edit with its second: the edit keeps the focus).
  useEffect(() => {
    if (
      itemKey &&
      !panelRef.current?.contains(document.activeElement) &&
      !editsText(document.activeElement)
    ) {
      panelRef.current?.focus({ preventScroll: true });
    }
  }, [itemKey]);

  return (
    <aside ref={panelRef} className="side-panel item-panel" aria-label={`Item ${itemKey}`} tabIndex={-1}>
      <ItemDetail key={itemKey} itemKey={itemKey} close={close} linkState={linkState} />
    </aside>
  );
}

function ItemDetail(props: {
  itemKey: string;
  close: () => void;
  linkState: PanelLocationState | undefined;
}) {
  const store = useStore();
  const { item, summary, fetchState, error, retry } = useFullItem(store, props.itemKey);

  if (!item) {
    if (fetchState === 'missing') {
      return (
        <PanelMessage title={`No item ${props.itemKey}`} onClose={props.close}>
          <p>
            There is no item {props.itemKey} in {store.product.name}. It may have been deleted for good, or
            the key is mistyped. <Link to={paths.backlog(store.product.key)}>Back to the backlog</Link>.
          </p>
        </PanelMessage>
      );
    }
    if (fetchState === 'error') {
      return (
        <PanelMessage title={`Could not load ${props.itemKey}`} onClose={props.close}>
          <p role="alert">{error}</p>
          <button type="button" onClick={retry}>
            Try again
          </button>
        </PanelMessage>
      );
    }
    // Known from the backlog: show what we have while the rest arrives — no spinner for a click.
    return <ItemPreview itemKey={props.itemKey} summary={summary} onClose={props.close} />;
  }
  if (item.deletedAt) {
    return (
      <PanelMessage title={`${item.key} is in the trash`} onClose={props.close}>
        <p>“{item.title}” was moved to the trash.</p>
        <RestoreButton item={item} />
      </PanelMessage>
    );
  }
  return <ItemContents item={item} close={props.close} linkState={props.linkState} />;
}

function ItemContents(props: { item: ItemT; close: () => void; linkState: PanelLocationState | undefined }) {
  const { item } = props;
  const store = useStore();
  const dependencies = useItemDependencies(store, item.id);
  return (
    <div className="item-detail">
      <ItemHeader item={item} onClose={props.close} />
      {/* A viewer sees every value, but the fields are disabled and the ways to add or remove are gone. */}
      <fieldset disabled={store.readOnly} className={scopeClass(store.readOnly)}>
        <ItemFields item={item} />
        <ReadinessSection item={item} />
        <StoryEditor item={item} currentVersion={item.version} />
        <DescriptionEditor item={item} currentVersion={item.version} />
        <AcceptanceCriteria item={item} />
        <DependenciesSection item={item} dependencies={dependencies} linkState={props.linkState} />
        <ExternalDependencies item={item} dependencies={dependencies} />
      </fieldset>
      <CommentsPanel subject={{ entityType: 'item', id: item.id, key: item.key }} />
      <ItemHistory itemId={item.id} version={item.version} />
      {!store.readOnly && (
        <footer className="item-footer">
          <button
            type="button"
            className="danger"
            onClick={() => {
              props.close();
              void trashItem(store, item.id);
            }}
          >
            Move to trash
          </button>
        </footer>
      )}
    </div>
  );
}

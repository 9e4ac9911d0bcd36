/**
 * Grooming session mode: one item at a time from the top of the backlog, in a focused card, with a key for
 * each action (hints on the card, and in the help overlay's list). Each change is saved as it is made,
 * through the item mutations; the session keeps a log of them for its closing summary.
 */
import { useEffect, useRef, useState } from 'react';
import type { ItemT } from '../../api/types.ts';
import { moveItem, updateItem } from '../../state/mutations/items.ts';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';
import { type CardFields, SessionCard } from './session-card.tsx';
import { keyName, SESSION_KEYS, type SessionCommand } from './session-keys.ts';
import { record, type SessionAction, type SessionLog, withSeen } from './session-log.ts';
import { currentId, insertAfter, isLast, next, oneDownAnchor, previous, type Walk } from './session-walk.ts';
import { SplitDialog } from './split-dialog.tsx';
import { useSessionKeys } from './use-session-keys.ts';

/**
 * `onLog` updates the session's log, which the screen holds: a save still on its way when the session
 * ends is counted in the summary all the same.
 */
export function GroomingSession(props: {
  walk: Walk;
  onLog: (change: (log: SessionLog) => SessionLog) => void;
  onEnd: () => void;
}) {
  const store = useStore();
  const [walk, setWalk] = useState(props.walk);
  const [splitting, setSplitting] = useState(false);
  const fields: CardFields = {
    card: useRef<HTMLElement>(null),
    estimate: useRef<HTMLSpanElement>(null),
    criterion: useRef<HTMLInputElement>(null),
    initiative: useRef<HTMLSelectElement>(null),
  };
  const id = currentId(walk);
  const item = id ? store.items.get(id) : undefined;

  // Each new item takes the focus: a screen reader reads it, and the keys act on it.
  useEffect(() => {
    if (id) fields.card.current?.focus();
  }, [id, fields.card]);

  const note = (action: SessionAction, target: { id: string; key: string }) =>
    props.onLog((log) => record(log, action, target));
  const saved = (action: SessionAction) => (ok: boolean) => {
    if (ok && item) note(action, item);
  };
  const go = (to: Walk) => {
    setWalk(to);
    props.onLog((log) => withSeen(log, to.at + 1));
  };

  const run = (command: SessionCommand) => {
    if (command === 'end') return props.onEnd();
    if (command === 'next') return go(next(walk));
    if (command === 'previous') return go(previous(walk));
    if (!item || store.readOnly) return;
    if (command === 'estimate') fields.estimate.current?.querySelector('input')?.focus();
    else if (command === 'criterion') fields.criterion.current?.focus();
    else if (command === 'initiative') fields.initiative.current?.focus();
    else if (command === 'split') setSplitting(true);
    else if (command === 'ready') {
      if (item.status === 'ready') notify({ kind: 'info', message: `${item.key} is already marked ready.` });
      else void updateItem(store, item.id, { status: 'ready' }).then(saved('ready'));
    } else if (command === 'down') {
      const below = oneDownAnchor(store.order, item.id, (other) => store.items.get(other)?.status);
      if (below === null) notify({ kind: 'info', message: `${item.key} is already the last item to groom.` });
      else void moveItem(store, item.id, { afterId: below }).then(saved('moved'));
    }
  };
  useSessionKeys(run);

  const onSplit = (result: { original: ItemT; created: ItemT[] }) => {
    note('split', result.original);
    setWalk((current) =>
      insertAfter(
        current,
        result.original.id,
        result.created.map((part) => part.id),
      ),
    );
  };

  return (
    <section className="grooming-session" aria-label="Grooming session">
      {item ? (
        <SessionCard
          item={item}
          position={`Item ${walk.at + 1} of ${walk.ids.length}${isLast(walk) ? ' (the last)' : ''}`}
          fields={fields}
          onEstimate={(estimate) => void updateItem(store, item.id, { estimate }).then(saved('estimated'))}
          onCriteria={(acceptanceCriteria) =>
            void updateItem(store, item.id, { acceptanceCriteria }).then(saved('criterion'))
          }
          onInitiative={(initiativeId) =>
            void updateItem(store, item.id, { initiativeId }).then(saved('linked'))
          }
        />
      ) : (
        <p className="session-card session-gone" tabIndex={-1}>
          {walk.ids.length === 0
            ? 'Nothing to groom: no item waits at the top of the backlog.'
            : 'This item has left the backlog (moved to the trash, merged, or done). Go on to the next.'}
        </p>
      )}
      <fieldset className="session-hints">
        <legend className="visually-hidden">Session actions</legend>
        {SESSION_KEYS.map(({ command, keys, label }) => (
          <button
            key={command}
            type="button"
            aria-keyshortcuts={keys.join(' ')}
            disabled={
              (command === 'next' && isLast(walk)) ||
              (command === 'previous' && walk.at === 0) ||
              (!item && !['next', 'previous', 'end'].includes(command))
            }
            onClick={() => run(command)}
          >
            <kbd>{keyName(keys[0] ?? '')}</kbd> {label}
          </button>
        ))}
      </fieldset>
      {splitting && item && (
        <SplitDialog
          itemId={item.id}
          itemKey={item.key}
          onClose={() => {
            setSplitting(false);
            fields.card.current?.focus();
          }}
          onSplit={onSplit}
        />
      )}
    </section>
  );
}

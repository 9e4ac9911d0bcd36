/**
 * The bell in the header: the unread count, and the notification list it opens. Live: a comment event on
 * the product's stream marks the count stale (invalidation-rules.ts); a slow poll covers other products.
 * Opening a notification marks it read and goes to what it is about.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { type Location, useLocation, useNavigate } from 'react-router';
import { type NotificationT, notificationsApi } from '../../api/comments.ts';
import { paths } from '../../routes.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { formatInstant } from '../dates.ts';
import { FormError } from '../form-error.tsx';
import './comments.css';

/** Notifications of products whose stream is not open arrive within this time. */
const POLL_MS = 60_000;

function destination(note: NotificationT): string {
  if (note.itemKey) return paths.item(note.itemKey);
  if (note.entityType === 'initiative') return paths.initiative(note.productKey, note.entityId);
  return paths.prd(note.productKey, note.entityId);
}

function describe(note: NotificationT): string {
  const who = note.actor?.name ?? 'Someone';
  return note.kind === 'mention'
    ? `${who} mentioned you on ${note.entityLabel}`
    : `${who} commented on ${note.entityLabel}`;
}

export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const box = useRef<HTMLDivElement>(null);
  const unread = useQuery({
    queryKey: queryKeys.unreadNotifications(),
    queryFn: ({ signal }) => notificationsApi.unreadCount(signal),
    refetchInterval: POLL_MS,
  });
  const list = useQuery({
    queryKey: queryKeys.notificationList(),
    queryFn: ({ signal }) => notificationsApi.list(false, signal),
    enabled: open,
  });
  const refresh = () => void queryClient.invalidateQueries({ queryKey: queryKeys.notifications() });
  const markRead = useMutation({
    mutationFn: (ids: string[]) => notificationsApi.markRead(ids),
    onSuccess: refresh,
  });
  const markAll = useMutation({ mutationFn: () => notificationsApi.markAllRead(), onSuccess: refresh });

  // Closes on a click outside or Escape, as a menu does.
  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (box.current && !box.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const count = unread.data ?? 0;
  const go = (note: NotificationT) => {
    if (note.readAt === null) markRead.mutate([note.id]);
    setOpen(false);
    // An item opens as a panel over the current screen, as from the backlog.
    const state: { background: Location } | undefined = note.itemKey ? { background: location } : undefined;
    navigate(destination(note), { state });
  };

  return (
    <div className="notification-bell" ref={box}>
      <button
        type="button"
        className="icon-button"
        aria-expanded={open}
        aria-label={count > 0 ? `Notifications, ${count} unread` : 'Notifications'}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">🔔</span>
        {count > 0 && (
          <span className="notification-count" data-testid="unread-count">
            {count}
          </span>
        )}
      </button>
      {open && (
        <section className="notification-list" aria-label="Notifications">
          <div className="comments-heading">
            <strong>Notifications</strong>
            {count > 0 && (
              <button
                type="button"
                className="link-button"
                disabled={markAll.isPending}
                onClick={() => markAll.mutate()}
              >
                Mark all read
              </button>
            )}
          </div>
          <FormError error={list.error ?? markRead.error ?? markAll.error} />
          {list.data && list.data.notifications.length === 0 && <p className="hint">Nothing yet.</p>}
          {list.data && list.data.notifications.length > 0 && (
            <ol>
              {list.data.notifications.map((note) => (
                <li key={note.id} className={note.readAt === null ? 'unread' : ''}>
                  <button type="button" onClick={() => go(note)}>
                    {describe(note)}
                    {note.excerpt && <span className="notification-excerpt">{note.excerpt}</span>}
                    <time className="hint" dateTime={note.createdAt}>
                      {formatInstant(note.createdAt)}
                    </time>
                  </button>
                </li>
              ))}
            </ol>
          )}
        </section>
      )}
    </div>
  );
}

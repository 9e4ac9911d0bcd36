/** Toasts for background saves, and the dialog that explains a conflicting edit. */
import { dismiss, type Notice, useNotices } from '../state/notices.ts';

export function Notices() {
  const notices = useNotices();
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) =>
        notice.kind === 'conflict' ? (
          <ConflictNotice key={notice.id} notice={notice} />
        ) : (
          <div
            key={notice.id}
            className={`notice notice-${notice.kind}`}
            role={notice.kind === 'error' ? 'alert' : 'status'}
          >
            <span>{notice.message}</span>
            {notice.action && (
              <button
                type="button"
                onClick={() => {
                  notice.action?.run();
                  dismiss(notice.id);
                }}
              >
                {notice.action.label}
              </button>
            )}
            <button
              type="button"
              className="icon-button"
              aria-label="Dismiss"
              onClick={() => dismiss(notice.id)}
            >
              ×
            </button>
          </div>
        ),
      )}
    </div>
  );
}

function ConflictNotice({ notice }: { notice: Notice }) {
  const conflict = notice.conflict;
  return (
    <section className="notice notice-conflict" role="alertdialog" aria-labelledby={`conflict-${notice.id}`}>
      <h2 id={`conflict-${notice.id}`}>Edited by someone else</h2>
      <p>{notice.message}</p>
      {conflict && (
        <>
          <p className="conflict-title">{conflict.title}</p>
          <table className="conflict-table">
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Their version (saved)</th>
                <th scope="col">Yours (not saved)</th>
              </tr>
            </thead>
            <tbody>
              {conflict.fields.map((field) => (
                <tr key={field.field}>
                  <th scope="row">{field.field}</th>
                  <td>{field.theirs}</td>
                  <td>{field.mine}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={() => dismiss(notice.id)}>
          Keep theirs
        </button>
        {conflict && (
          <button
            type="button"
            onClick={() => {
              dismiss(notice.id);
              conflict.retry();
            }}
          >
            Apply mine over theirs
          </button>
        )}
      </div>
    </section>
  );
}

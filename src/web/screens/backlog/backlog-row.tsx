/** One backlog row. Memoised: a change to one item re-renders that row, not the thirty around it. */
import { memo } from 'react';
import type { SprintT } from '../../api/execution.ts';
import type { ReleaseT } from '../../api/releases.ts';
import type { BacklogItemT, ItemStatusT } from '../../api/types.ts';
import { TypeBadge } from '../../components/chips.tsx';
import { StatusOptions } from '../../components/options.tsx';
import { ReadinessMark } from '../../components/readiness-mark.tsx';
import { EstimateInput, ReleaseEditor, SprintEditor, TitleEditor } from './row-editors.tsx';

/** Fixed, so the virtual list and the drag logic can turn a y position into a row index by division. */
export const ROW_HEIGHT = 36;
/** The column headers' row, sticky at the top of the scrolling box. */
export const HEAD_HEIGHT = 30;

/** What a row can ask of the list; one stable object, so rows do not re-render when the list does. */
export interface RowActions {
  click: (event: React.MouseEvent, id: string) => void;
  focus: (id: string) => void;
  toggleSelected: (id: string, range: boolean) => void;
  startEdit: (id: string) => void;
  /** `title` null: cancelled. `viaKeyboard`: Enter or Esc, so the row takes the focus back. */
  finishEdit: (id: string, title: string | null, viaKeyboard: boolean) => void;
  setStatus: (id: string, status: ItemStatusT) => void;
  setEstimate: (id: string, estimate: number | null) => void;
  setSprint: (id: string, sprintId: string | null) => void;
  setRelease: (id: string, releaseId: string | null) => void;
  focusRow: (id: string) => void;
  startDrag: (event: React.PointerEvent, id: string) => void;
}

export interface RowProps {
  item: BacklogItemT;
  index: number;
  /** Rows before this one in the grid (the header row). */
  rowOffset: number;
  top: number;
  /** The list's one Tab stop (roving tabindex). */
  tabbable: boolean;
  focused: boolean;
  selected: boolean;
  open: boolean;
  editing: boolean;
  dragging: boolean;
  pending: boolean;
  /** A viewer's row: no drag handle, no inline edits; the values stay readable. */
  readOnly: boolean;
  initiative: string | null;
  assignee: string | null;
  /**
   * The failing rules of the Definition of Ready as one line ('' when ready); undefined when the readiness
   * report does not hold the item (closed, or newer than the report). A string, so the memo compares values.
   */
  readiness: string | undefined;
  /** It waits on an external dependency past its expected date (from the dependency map). */
  waitingOnOverdue: boolean;
  /** The product's sprints and releases (the same arrays for every row, so the memo holds). */
  sprints: readonly SprintT[];
  releases: readonly ReleaseT[];
  actions: RowActions;
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts.at(-1)?.[0] ?? '') : '')).toUpperCase();
}

const SHOWN_LABELS = 3;

export const BacklogRow = memo(function BacklogRow(props: RowProps) {
  const { item, actions, focused, pending, readOnly } = props;
  // Only one row and its controls are Tab stops: Tab moves from the list to what follows it, not through
  // every control of every row.
  const tab = props.tabbable ? 0 : -1;
  const key = pending ? 'new' : item.key;
  const classes = ['backlog-row'];
  if (focused) classes.push('is-focused');
  if (props.selected) classes.push('is-selected');
  if (props.open) classes.push('is-open');
  if (props.dragging) classes.push('is-dragging');
  if (pending) classes.push('is-pending');
  const extraLabels = item.labels.length - SHOWN_LABELS;
  // A report a moment older than an item just closed still lists it: readiness is for open work only.
  const open = !pending && item.status !== 'done' && item.status !== 'wont_do';
  return (
    <tr
      aria-rowindex={props.index + props.rowOffset + 1}
      aria-selected={readOnly ? undefined : props.selected}
      aria-current={props.open ? 'true' : undefined}
      aria-label={pending ? `Saving: ${item.title}` : `${item.key} ${item.title}`}
      aria-busy={pending || undefined}
      tabIndex={tab}
      className={classes.join(' ')}
      data-item-id={item.id}
      data-item-key={pending ? undefined : item.key}
      style={{ transform: `translateY(${props.top}px)`, height: ROW_HEIGHT }}
      onClick={(event) => actions.click(event, item.id)}
      onFocus={() => actions.focus(item.id)}
    >
      <td className="cell-select">
        {/* A viewer is offered no selection: it only opens the bulk changes, which the server refuses. */}
        {!readOnly && (
          <input
            type="checkbox"
            aria-label={`Select ${key}`}
            checked={props.selected}
            disabled={pending}
            tabIndex={tab}
            readOnly
            onClick={(event) => actions.toggleSelected(item.id, event.shiftKey)}
          />
        )}
      </td>
      <td className="cell-handle">
        {!readOnly && (
          <span
            className="drag-handle"
            aria-hidden="true"
            title="Drag to reorder (or Alt+↑ / Alt+↓)"
            onPointerDown={pending ? undefined : (event) => actions.startDrag(event, item.id)}
          >
            ⠿
          </span>
        )}
      </td>
      <td className="cell-type">
        <TypeBadge type={item.type} />
      </td>
      <td className="cell-key key">{pending ? 'Saving…' : item.key}</td>
      <td className="cell-ready">
        {open && props.readiness !== undefined && <ReadinessMark text={props.readiness} variant="icon" />}
      </td>
      <td
        className="cell-title"
        onDoubleClick={pending || readOnly ? undefined : () => actions.startEdit(item.id)}
      >
        {props.editing ? (
          <TitleEditor
            itemKey={item.key}
            title={item.title}
            onDone={(title, viaKeyboard) => actions.finishEdit(item.id, title, viaKeyboard)}
          />
        ) : (
          <>
            <span className="title-text" title={item.title}>
              {item.title}
            </span>
            {open && props.waitingOnOverdue && <OverdueFlag />}
          </>
        )}
      </td>
      <td className="cell-labels">
        {item.labels.slice(0, SHOWN_LABELS).map((label) => (
          <span key={label} className="label-chip">
            {label}
          </span>
        ))}
        {extraLabels > 0 && (
          <span className="label-more" title={item.labels.slice(SHOWN_LABELS).join(', ')}>
            +{extraLabels}
          </span>
        )}
      </td>
      <td className="cell-initiative" title={props.initiative ?? undefined}>
        {props.initiative ?? ''}
      </td>
      <td className="cell-status">
        <select
          className="status-select"
          aria-label={`Status of ${key}`}
          value={item.status}
          disabled={pending || readOnly}
          tabIndex={tab}
          style={{ '--chip-color': `var(--status-${item.status})` } as React.CSSProperties}
          onChange={(event) => actions.setStatus(item.id, event.target.value as ItemStatusT)}
        >
          <StatusOptions />
        </select>
      </td>
      <td className="cell-plan">
        <SprintEditor
          itemKey={key}
          value={item.sprintId}
          sprints={props.sprints}
          tabIndex={tab}
          disabled={pending || readOnly}
          onChange={(sprintId) => actions.setSprint(item.id, sprintId)}
        />
      </td>
      <td className="cell-plan">
        <ReleaseEditor
          itemKey={key}
          value={item.releaseId}
          releases={props.releases}
          tabIndex={tab}
          disabled={pending || readOnly}
          onChange={(releaseId) => actions.setRelease(item.id, releaseId)}
        />
      </td>
      <td className="cell-estimate">
        <EstimateInput
          itemKey={key}
          estimate={item.estimate}
          tabIndex={tab}
          disabled={pending || readOnly}
          onSave={(estimate) => actions.setEstimate(item.id, estimate)}
          onLeave={() => actions.focusRow(item.id)}
        />
      </td>
      <td className="cell-assignee">
        {props.assignee && (
          <span className="assignee" title={props.assignee}>
            <span aria-hidden="true">{initials(props.assignee)}</span>
            <span className="visually-hidden">{props.assignee}</span>
          </span>
        )}
      </td>
    </tr>
  );
});

/** Rare, so worded in full: the row's one flag that is not about the item itself. */
function OverdueFlag() {
  return (
    <span className="overdue-flag" title="Waiting on an overdue external dependency">
      <span aria-hidden="true">◷ </span>Overdue dependency
    </span>
  );
}

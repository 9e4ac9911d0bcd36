/** The small editors inside a backlog row: the title (inline), the estimate, the sprint and the release. */
import { useEffect, useRef, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { SprintT } from '../../api/execution.ts';
import type { ReleaseT } from '../../api/releases.ts';
import { ReleaseSelect, SprintSelect } from '../../components/plan-selects.tsx';
import { notify } from '../../state/notices.ts';

/**
 * The title as a text field. Enter or leaving the field saves, Esc cancels; either way the row gets the
 * focus back, so the keyboard keeps working from where it was.
 */
export function TitleEditor(props: {
  itemKey: string;
  title: string;
  onDone: (title: string | null, viaKeyboard: boolean) => void;
}) {
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  // The caret goes to the end: "edit the title" usually means fixing or adding to it, not retyping it.
  useEffect(() => {
    const input = ref.current;
    if (!input) return;
    input.focus();
    input.setSelectionRange(input.value.length, input.value.length);
  }, []);
  const finish = (title: string | null, viaKeyboard: boolean) => {
    if (done.current) return;
    done.current = true;
    props.onDone(title, viaKeyboard);
  };
  return (
    <input
      ref={ref}
      className="title-input"
      aria-label={`Title of ${props.itemKey}`}
      defaultValue={props.title}
      maxLength={LIMITS.itemTitle}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(event.currentTarget.value, true);
        } else if (event.key === 'Escape') {
          // Esc here cancels the edit only: it must not also clear the selection or close the panel.
          event.preventDefault();
          event.stopPropagation();
          event.nativeEvent.stopImmediatePropagation();
          finish(null, true);
        }
      }}
      onBlur={(event) => finish(event.currentTarget.value, false)}
    />
  );
}

const MAX_ESTIMATE = LIMITS.estimate;

function shown(estimate: number | null): string {
  return estimate === null ? '' : String(estimate);
}

/** Points as a small number field: Enter or leaving saves, Esc puts the saved value back; empty = none. */
export function EstimateInput(props: {
  itemKey: string;
  estimate: number | null;
  tabIndex: number;
  disabled: boolean;
  onSave: (estimate: number | null) => void;
  onLeave: () => void;
}) {
  // While the user types, their text; otherwise (null) the saved value, so someone else's change or a
  // rollback shows at once without an effect copying props into state.
  const [draft, setDraft] = useState<string | null>(null);
  // Set synchronously: Enter saves and moves the focus, and the blur that follows must not save again.
  const typing = useRef(false);

  const commit = (text: string) => {
    typing.current = false;
    setDraft(null);
    const trimmed = text.trim();
    const value = trimmed === '' ? null : Number(trimmed);
    if (value !== null && (!Number.isFinite(value) || value < 0 || value > MAX_ESTIMATE)) {
      notify({ kind: 'error', message: `An estimate is a number of points from 0 to ${MAX_ESTIMATE}.` });
      return;
    }
    if (value !== props.estimate) props.onSave(value);
  };

  return (
    <input
      className="estimate-input"
      type="number"
      inputMode="decimal"
      min={0}
      max={MAX_ESTIMATE}
      step="any"
      placeholder="–"
      aria-label={`Estimate of ${props.itemKey} (points)`}
      tabIndex={props.tabIndex}
      disabled={props.disabled}
      value={draft ?? shown(props.estimate)}
      onChange={(event) => {
        typing.current = true;
        setDraft(event.target.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          commit(event.currentTarget.value);
          props.onLeave();
        } else if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          typing.current = false;
          setDraft(null);
          props.onLeave();
        }
      }}
      onBlur={(event) => {
        if (typing.current) commit(event.currentTarget.value);
      }}
    />
  );
}

/** The row's sprint: planned and active sprints to choose from; empty = back to the backlog. */
export function SprintEditor(props: {
  itemKey: string;
  value: string | null;
  sprints: readonly SprintT[];
  tabIndex: number;
  disabled: boolean;
  onChange: (sprintId: string | null) => void;
}) {
  return (
    <SprintSelect
      className="plan-select"
      label={`Sprint of ${props.itemKey}`}
      value={props.value}
      sprints={props.sprints}
      disabled={props.disabled}
      tabIndex={props.tabIndex}
      onChange={props.onChange}
    />
  );
}

/** The row's release: releases not cancelled to choose from. */
export function ReleaseEditor(props: {
  itemKey: string;
  value: string | null;
  releases: readonly ReleaseT[];
  tabIndex: number;
  disabled: boolean;
  onChange: (releaseId: string | null) => void;
}) {
  return (
    <ReleaseSelect
      className="plan-select"
      label={`Release of ${props.itemKey}`}
      value={props.value}
      releases={props.releases}
      disabled={props.disabled}
      tabIndex={props.tabIndex}
      onChange={props.onChange}
    />
  );
}

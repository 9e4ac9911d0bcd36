/**
 * Choosing an item's sprint or release: planned and active sprints, releases not cancelled. The item's own
 * sprint or release stays listed even when it no longer qualifies (a closed sprint), so the select shows it.
 */
import type { SprintT } from '../api/execution.ts';
import type { ReleaseT } from '../api/releases.ts';

interface Named {
  id: string;
  name: string;
}

function PlanSelect(props: {
  id?: string;
  label: string;
  empty: string;
  value: string | null;
  choices: readonly Named[];
  all: readonly Named[];
  disabled?: boolean;
  className?: string;
  tabIndex?: number;
  onChange: (id: string | null) => void;
}) {
  const own =
    props.value && !props.choices.some((choice) => choice.id === props.value)
      ? (props.all.find((entry) => entry.id === props.value) ?? { id: props.value, name: 'One that is gone' })
      : null;
  return (
    <select
      id={props.id}
      className={props.className}
      aria-label={props.label}
      disabled={props.disabled}
      tabIndex={props.tabIndex}
      value={props.value ?? ''}
      onChange={(event) => props.onChange(event.target.value || null)}
    >
      <option value="">{props.empty}</option>
      {own && <option value={own.id}>{own.name}</option>}
      {props.choices.map((choice) => (
        <option key={choice.id} value={choice.id}>
          {choice.name}
        </option>
      ))}
    </select>
  );
}

export function SprintSelect(props: {
  id?: string;
  label: string;
  value: string | null;
  /** Every sprint of the product; only planned and active ones are offered. */
  sprints: readonly SprintT[];
  disabled?: boolean;
  className?: string;
  tabIndex?: number;
  onChange: (sprintId: string | null) => void;
}) {
  const choices = props.sprints.filter((sprint) => sprint.state !== 'closed');
  return <PlanSelect {...props} empty="No sprint" choices={choices} all={props.sprints} />;
}

export function ReleaseSelect(props: {
  id?: string;
  label: string;
  value: string | null;
  /** Every release of the product; cancelled ones are not offered. */
  releases: readonly ReleaseT[];
  disabled?: boolean;
  className?: string;
  tabIndex?: number;
  onChange: (releaseId: string | null) => void;
}) {
  const choices = props.releases.filter((release) => release.state !== 'cancelled');
  return <PlanSelect {...props} empty="No release" choices={choices} all={props.releases} />;
}

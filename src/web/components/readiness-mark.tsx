/**
 * An item's readiness against the Definition of Ready, in the same words on every screen: a ✓ or a ⚠
 * (shape, not colour alone) whose name and tooltip list every failing rule, e.g. "Not ready: no estimate;
 * no acceptance criteria".
 * - `icon`: the mark alone, for a dense row (the backlog, the planning list);
 * - `badge`: the mark and "Ready" / "Not ready", the reasons in the tooltip only: the item's link must say
 *   them to a screen reader (a board card's title link does);
 * - `line`: the mark and the whole sentence, visible (a sprint's rows).
 */
import './readiness-mark.css';
import { READY_TEXT, readinessLabel } from './readiness.ts';

interface Props {
  /** The failing rules as one line (reasonsText); '' when the item is ready. */
  text: string;
  variant: 'icon' | 'badge' | 'line';
  className?: string;
}

export function ReadinessMark({ text, variant, className }: Props) {
  const ready = text === '';
  const label = readinessLabel(text);
  const classes = `readiness-mark readiness-${variant} ${ready ? 'is-ready' : 'is-not-ready'}${className ? ` ${className}` : ''}`;
  const icon = ready ? '✓' : '⚠';
  if (variant === 'icon') {
    return (
      <span className={classes} role="img" aria-label={label} title={label}>
        {icon}
      </span>
    );
  }
  if (variant === 'badge') {
    return (
      <span className={classes} title={label}>
        <span aria-hidden="true">{icon} </span>
        {ready ? 'Ready' : 'Not ready'}
      </span>
    );
  }
  return (
    <p className={classes}>
      <span aria-hidden="true">{icon} </span>
      {ready ? READY_TEXT : label}
    </p>
  );
}

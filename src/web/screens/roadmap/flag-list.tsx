/**
 * An initiative's flags (initiative-flags.ts), each an icon and words, never a colour alone:
 * - `chips`: icon and label, the finding in the tooltip and for a screen reader (a board card, a list);
 * - `icons`: the icons alone, each named by its label and finding (a timeline row's narrow label).
 */
import type { InitiativeFlag } from './initiative-flags.ts';

export function FlagList({
  flags,
  variant,
  title,
}: {
  flags: readonly InitiativeFlag[] | undefined;
  variant: 'chips' | 'icons';
  /** The initiative's title: names the list, as a page holds one per initiative. */
  title: string;
}) {
  if (!flags || flags.length === 0) return null;
  return (
    <ul className={`initiative-flags flags-${variant}`} aria-label={`Flags of ${title}`}>
      {flags.map((flag) =>
        variant === 'chips' ? (
          <li key={flag.kind} className={`flag flag-${flag.tone}`} data-flag={flag.kind} title={flag.detail}>
            <span className="flag-icon" aria-hidden="true">
              {flag.icon}
            </span>
            {flag.label}
            <span className="visually-hidden">: {flag.detail}</span>
          </li>
        ) : (
          <li key={flag.kind} className={`flag flag-${flag.tone}`} data-flag={flag.kind}>
            <span
              role="img"
              aria-label={`${flag.label}: ${flag.detail}`}
              title={`${flag.label}: ${flag.detail}`}
            >
              {flag.icon}
            </span>
          </li>
        ),
      )}
    </ul>
  );
}

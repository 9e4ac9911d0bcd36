/** A time zone picker: the platform's IANA zones, the chosen one always among them. */
import { useMemo } from 'react';

function zones(current: string): string[] {
  const known = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  const all = new Set(['UTC', ...known, current]);
  return [...all].sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a.localeCompare(b)));
}

export function TimeZoneSelect(props: { value: string; onChange: (zone: string) => void }) {
  const options = useMemo(() => zones(props.value), [props.value]);
  return (
    <label>
      Time zone
      <select value={props.value} onChange={(event) => props.onChange(event.target.value)}>
        {options.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replace(/_/g, ' ')}
          </option>
        ))}
      </select>
    </label>
  );
}

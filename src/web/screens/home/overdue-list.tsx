/** What is overdue: one line per artifact past its cadence, and what the profile expects and is missing. */
import type { CadencesT } from '../../api/cadences.ts';

export function overdueLines(cadences: CadencesT): string[] {
  return [
    ...cadences.cadences.flatMap((entry) => (entry.overdue && entry.message ? [entry.message] : [])),
    ...cadences.attention.map((note) => note.message),
  ];
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function OverdueList({ cadences }: { cadences: CadencesT }) {
  const lines = overdueLines(cadences);
  if (lines.length === 0) return <p className="home-all-clear">Nothing is overdue.</p>;
  return (
    <ul className="home-overdue" aria-label="Overdue">
      {lines.map((line) => (
        <li key={line}>{sentence(line)}.</li>
      ))}
    </ul>
  );
}

/**
 * Two texts of the vision compared, field by field. Inserted and deleted text are marked by more than
 * colour: <ins>/<del> (underline, strike-through) with a hidden "inserted"/"deleted" word for screen readers.
 */
import type { VisionDiffT } from '../../api/vision.ts';
import { FIELD_LABELS } from './vision-text.ts';

type Part = VisionDiffT['fields'][number]['parts'][number];

function PartText({ part }: { part: Part }) {
  if (part.kind === 'inserted')
    return (
      <ins>
        <span className="visually-hidden">[inserted: </span>
        {part.value}
        <span className="visually-hidden">]</span>
      </ins>
    );
  if (part.kind === 'deleted')
    return (
      <del>
        <span className="visually-hidden">[deleted: </span>
        {part.value}
        <span className="visually-hidden">]</span>
      </del>
    );
  return <span>{part.value}</span>;
}

const LISTS = new Set(['targetCustomers', 'problems', 'differentiators']);

export function VisionDiffView({ diff }: { diff: VisionDiffT }) {
  const changed = diff.fields.filter((field) => field.changed);
  if (changed.length === 0) return <p className="vision-diff-none">The two texts are the same.</p>;
  return (
    <dl className="vision-diff" aria-label="Changes">
      {changed.map((field) => (
        <div key={field.field} className="vision-diff-field">
          <dt>{FIELD_LABELS[field.field] ?? field.field}</dt>
          <dd>
            {LISTS.has(field.field) ? (
              <ul>
                {field.parts.map((part, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff never move; equal entries may repeat
                  <li key={index} className={`diff-${part.kind}`}>
                    <PartText part={part} />
                  </li>
                ))}
              </ul>
            ) : (
              <p className="vision-diff-text">
                {field.parts.map((part, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: parts of one diff never move; equal words may repeat
                  <PartText key={index} part={part} />
                ))}
              </p>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** The published versions of the vision, and a comparison of any two (or a version and the draft). */
import { useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState } from 'react';
import { type VisionVersionT, visionApi } from '../../api/vision.ts';
import { formatInstant } from '../../components/dates.ts';
import { FormError } from '../../components/form-error.tsx';
import { queryKeys } from '../../state/query-keys.ts';
import { VisionDiffView } from './vision-diff-view.tsx';

export function VisionVersions({ productId, versions }: { productId: string; versions: VisionVersionT[] }) {
  const fromId = useId();
  const toId = useId();
  const newest = versions[0]?.number;
  const [from, setFrom] = useState<string>('');
  const [to, setTo] = useState<string>('draft');
  // By default: the version before the newest against the newest (or the newest against the draft).
  useEffect(() => {
    if (newest === undefined) return;
    setFrom(String(newest > 1 ? newest - 1 : newest));
    setTo(newest > 1 ? String(newest) : 'draft');
  }, [newest]);
  const diff = useQuery({
    queryKey: queryKeys.visionDiff(productId, from, to),
    queryFn: () => visionApi.diff(productId, from, to),
    enabled: from !== '',
  });

  if (versions.length === 0) return <p className="hint">No version published yet.</p>;
  const options = versions.map((v) => (
    <option key={v.number} value={String(v.number)}>
      Version {v.number}
    </option>
  ));
  return (
    <>
      <ol className="vision-version-list" aria-label="Published versions">
        {versions.map((v) => (
          <li key={v.number}>
            <strong>Version {v.number}</strong> — published {formatInstant(v.publishedAt)}
          </li>
        ))}
      </ol>
      <fieldset className="vision-compare">
        <legend>Compare</legend>
        <label htmlFor={fromId}>From</label>
        <select id={fromId} value={from} onChange={(event) => setFrom(event.target.value)}>
          {options}
        </select>
        <label htmlFor={toId}>to</label>
        <select id={toId} value={to} onChange={(event) => setTo(event.target.value)}>
          {options}
          <option value="draft">The draft</option>
        </select>
      </fieldset>
      {diff.error ? <FormError error={diff.error} /> : null}
      {diff.data ? <VisionDiffView diff={diff.data} /> : diff.isPending && <p aria-busy="true">Comparing…</p>}
    </>
  );
}

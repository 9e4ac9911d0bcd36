/**
 * The product's vision: editors write the draft (with a live preview) and publish it as numbered versions;
 * everyone reads the versions and compares any two. Viewers see the latest text read-only.
 */

import { useQuery } from '@tanstack/react-query';
import { type VisionVersionT, visionApi } from '../../api/vision.ts';
import { DocTabs } from '../../components/doc-tabs.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Markdown } from '../../components/markdown.tsx';
import { queryKeys } from '../../state/query-keys.ts';
import { useStore } from '../../state/use-store.ts';
import { VisionEditor } from './vision-editor.tsx';
import { FIELD_LABELS, LIST_FIELDS } from './vision-text.ts';
import { VisionVersions } from './vision-versions.tsx';
import './vision.css';

function ReadOnlyVision({ version }: { version: VisionVersionT | undefined }) {
  if (!version) return <p className="hint">No vision has been published yet.</p>;
  return (
    <article className="vision-read" aria-label={`Vision, version ${version.number}`}>
      <Markdown source={version.statement} />
      {LIST_FIELDS.map(({ name, label }) =>
        version[name].length > 0 ? (
          <section key={name}>
            <h3>{label}</h3>
            <ul>
              {version[name].map((entry) => (
                <li key={entry}>{entry}</li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {(version.periodStart || version.periodEnd) && (
        <p>
          {FIELD_LABELS.periodStart}: {version.periodStart ?? '—'} · {FIELD_LABELS.periodEnd}:{' '}
          {version.periodEnd ?? '—'}
        </p>
      )}
    </article>
  );
}

export function VisionScreen() {
  const store = useStore();
  const productId = store.product.id;
  const draft = useQuery({
    queryKey: queryKeys.visionDraft(productId),
    queryFn: () => visionApi.draft(productId),
    enabled: !store.readOnly,
  });
  const versions = useQuery({
    queryKey: queryKeys.visionVersions(productId),
    queryFn: () => visionApi.versions(productId),
  });
  return (
    <main className="screen vision-screen">
      <DocTabs productKey={store.product.key} />
      <h1>Vision</h1>
      {store.readOnly ? (
        versions.data && <ReadOnlyVision version={versions.data[0]} />
      ) : draft.error ? (
        <FormError error={draft.error} />
      ) : draft.data ? (
        <VisionEditor productId={productId} draft={draft.data} />
      ) : (
        <p aria-busy="true">Loading the draft…</p>
      )}
      <section className="vision-versions" aria-labelledby="vision-versions-heading">
        <h2 id="vision-versions-heading">Versions</h2>
        {versions.error ? (
          <FormError error={versions.error} />
        ) : versions.data ? (
          <VisionVersions productId={productId} versions={versions.data} />
        ) : (
          <p aria-busy="true">Loading the versions…</p>
        )}
      </section>
    </main>
  );
}

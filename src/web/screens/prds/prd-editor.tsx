/**
 * The PRD's content: title, Markdown sections with a live preview, the metrics table and the requirements
 * with their linked items. Saves what changed with the version it was edited from; a 412 (someone else
 * saved meanwhile) says so and shows their version, keeping nothing silently.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import { type PrdT, prdsApi } from '../../api/prds.ts';
import { FormError } from '../../components/form-error.tsx';
import { notify } from '../../state/notices.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { formOf, type PrdForm, patchOf, SECTIONS } from './prd-form.ts';
import { MarkdownSection, MetricsTable, RequirementsList } from './prd-sections.tsx';

export function PrdEditor({ prd, editable }: { prd: PrdT; editable: boolean }) {
  const queryClient = useQueryClient();
  const titleId = useId();
  const [form, setForm] = useState<PrdForm>(() => formOf(prd));
  // A newer PRD from the server (live update, another tab) replaces the form while it holds no edits.
  const base = useRef(prd);
  // After a version conflict the next PRD from the server replaces the form, edits or not.
  const takeNext = useRef(false);
  useEffect(() => {
    const take = takeNext.current;
    takeNext.current = false;
    setForm((current) =>
      take || Object.keys(patchOf(current, base.current)).length === 0 ? formOf(prd) : current,
    );
    base.current = prd;
  }, [prd]);
  const patch = patchOf(form, prd);
  const dirty = Object.keys(patch).length > 0;
  const set =
    <K extends keyof PrdForm>(field: K) =>
    (value: PrdForm[K]) =>
      setForm((f) => ({ ...f, [field]: value }));

  const save = useMutation({
    mutationFn: () => prdsApi.update(prd.id, patch, prd.version),
    onSuccess: (saved) => {
      base.current = saved;
      setForm(formOf(saved));
      queryClient.setQueryData(queryKeys.prd(prd.productId, prd.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.prds(prd.productId) });
      if (prd.status === 'approved' && saved.status === 'in_review') {
        notify({ kind: 'info', message: 'The PRD changed after approval: it is back in review.' });
      }
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        notify({
          kind: 'error',
          message: 'Someone else saved this PRD meanwhile: their version is shown. Make your change again.',
        });
        takeNext.current = true;
        void queryClient.invalidateQueries({ queryKey: queryKeys.prd(prd.productId, prd.id) });
      }
    },
  });
  const readOnly = !editable || prd.status === 'superseded';

  return (
    <form
      className="prd-editor"
      aria-label="PRD content"
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty && !save.isPending) save.mutate();
      }}
    >
      {!readOnly && (
        <div className="prd-title-field">
          <label htmlFor={titleId}>Title</label>
          <input
            id={titleId}
            required
            maxLength={LIMITS.prdTitle}
            value={form.title}
            onChange={(event) => set('title')(event.target.value)}
          />
        </div>
      )}
      <MarkdownSection label="Problem" value={form.problem} disabled={readOnly} onChange={set('problem')} />
      <MetricsTable metrics={form.metrics} disabled={readOnly} onChange={set('metrics')} />
      <RequirementsList
        requirements={form.requirements}
        known={prd.linkedItems}
        disabled={readOnly}
        onChange={set('requirements')}
      />
      {SECTIONS.filter((s) => s.name !== 'problem').map((s) => (
        <MarkdownSection
          key={s.name}
          label={s.label}
          value={form[s.name]}
          disabled={readOnly}
          onChange={set(s.name)}
        />
      ))}
      {!readOnly && (
        <div className="prd-save">
          <FormError error={save.error} />
          {prd.status === 'approved' && dirty && (
            <p className="hint" role="note">
              Saving a change sends the approved PRD back to review.
            </p>
          )}
          <button type="submit" className="primary" disabled={!dirty || save.isPending}>
            {save.isPending ? 'Saving…' : dirty ? 'Save' : 'Saved'}
          </button>
          {dirty && (
            <button type="button" className="link-button" onClick={() => setForm(formOf(prd))}>
              Discard changes
            </button>
          )}
        </div>
      )}
    </form>
  );
}

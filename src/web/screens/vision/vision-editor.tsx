/**
 * The vision draft's editor: the statement in Markdown with a live preview, the lists one entry a line,
 * the period it covers. Save, publish (saving first), move the draft to the trash or bring it back.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import { type VisionDraftT, visionApi } from '../../api/vision.ts';
import { FormError } from '../../components/form-error.tsx';
import { Markdown } from '../../components/markdown.tsx';
import { notify } from '../../state/notices.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { formOf, inputOf, LIST_FIELDS, sameAsSaved, type VisionForm } from './vision-text.ts';

export function VisionEditor({ productId, draft }: { productId: string; draft: VisionDraftT }) {
  const queryClient = useQueryClient();
  const ids = { statement: useId(), start: useId(), end: useId(), lists: useId() };
  const [form, setForm] = useState<VisionForm>(() => formOf(draft));
  // The draft the form started from: a newer draft from the server replaces the form while it has no edits.
  const base = useRef(draft);
  useEffect(() => {
    setForm((current) => (sameAsSaved(current, base.current) ? formOf(draft) : current));
    base.current = draft;
  }, [draft]);
  const dirty = !sameAsSaved(form, draft);
  const set = (field: keyof VisionForm) => (value: string) => setForm((f) => ({ ...f, [field]: value }));

  const accept = (saved: VisionDraftT) => {
    base.current = saved;
    queryClient.setQueryData(queryKeys.visionDraft(productId), saved);
  };
  const save = useMutation({
    mutationFn: () => visionApi.save(productId, inputOf(form), draft.version),
    onSuccess: accept,
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        notify({ kind: 'error', message: 'Someone else saved the vision meanwhile: their draft is shown.' });
        void queryClient.invalidateQueries({ queryKey: queryKeys.visionDraft(productId) });
      }
    },
  });
  const publish = useMutation({
    mutationFn: async () => {
      if (dirty) accept(await visionApi.save(productId, inputOf(form), draft.version));
      return visionApi.publish(productId);
    },
    onSuccess: (version) => {
      notify({ kind: 'info', message: `Version ${version.number} of the vision is published.` });
      void queryClient.invalidateQueries({ queryKey: queryKeys.vision(productId) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.cadences(productId) });
    },
  });
  const trash = useMutation({
    mutationFn: () => (draft.deletedAt ? visionApi.restore(productId) : visionApi.trash(productId)),
    onSuccess: (saved) => {
      accept(saved);
      setForm(formOf(saved));
    },
  });
  const busy = save.isPending || publish.isPending || trash.isPending;

  return (
    <form
      className="vision-editor"
      aria-label="Vision draft"
      onSubmit={(event) => {
        event.preventDefault();
        if (dirty && !busy) save.mutate();
      }}
    >
      {draft.deletedAt && (
        <p className="hint" role="note">
          The draft is in the trash: restore it, or write a new one.
        </p>
      )}
      <div className="vision-panes">
        <div className="vision-pane">
          <label htmlFor={ids.statement}>Statement (Markdown)</label>
          <textarea
            id={ids.statement}
            rows={10}
            maxLength={LIMITS.visionStatement}
            value={form.statement}
            onChange={(event) => set('statement')(event.target.value)}
          />
        </div>
        <section className="vision-pane" aria-label="Preview">
          <h3>Preview</h3>
          <div className="vision-preview">
            {form.statement.trim() ? (
              <Markdown source={form.statement} showPlainTextHint />
            ) : (
              <p className="hint">Nothing written yet.</p>
            )}
          </div>
        </section>
      </div>
      <p className="hint" id={ids.lists}>
        One entry a line (at most {LIMITS.visionEntries}).
      </p>
      <div className="vision-lists">
        {LIST_FIELDS.map(({ name, label }) => (
          <label key={name}>
            {label}
            <textarea
              rows={4}
              aria-describedby={ids.lists}
              value={form[name]}
              onChange={(event) => set(name)(event.target.value)}
            />
          </label>
        ))}
      </div>
      <div className="vision-period">
        <label htmlFor={ids.start}>Period from</label>
        <input
          id={ids.start}
          type="date"
          value={form.periodStart}
          onChange={(e) => set('periodStart')(e.target.value)}
        />
        <label htmlFor={ids.end}>to</label>
        <input
          id={ids.end}
          type="date"
          value={form.periodEnd}
          onChange={(e) => set('periodEnd')(e.target.value)}
        />
      </div>
      <FormError error={save.error ?? publish.error ?? trash.error} />
      <div className="vision-actions">
        <button type="submit" disabled={!dirty || busy}>
          {save.isPending ? 'Saving…' : dirty ? 'Save draft' : 'Saved'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || form.statement.trim() === ''}
          onClick={() => publish.mutate()}
        >
          {publish.isPending ? 'Publishing…' : 'Publish a new version'}
        </button>
        {(draft.version > 0 || draft.deletedAt) && (
          <button type="button" className="link-button" disabled={busy} onClick={() => trash.mutate()}>
            {draft.deletedAt ? 'Restore the draft' : 'Move the draft to the trash'}
          </button>
        )}
      </div>
    </form>
  );
}

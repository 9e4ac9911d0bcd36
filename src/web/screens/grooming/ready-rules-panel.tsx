/**
 * The Definition of Ready, collapsible on the grooming screen: each rule switched on or off, the "fits a
 * sprint" limit, saved with If-Match on the version the edit began from. If someone else saved meanwhile
 * (412), their rules replace the draft, with a word saying so. Viewers read the rules.
 */
import { useState } from 'react';
import { analysisApi, type DefinitionOfReadyT } from '../../api/analysis.ts';
import { ApiError } from '../../api/client.ts';
import { FormError } from '../../components/form-error.tsx';
import { useDefinitionOfReady, useRefreshReports } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { FitsSprintLimit } from './fits-sprint-limit.tsx';
import {
  bodyFrom,
  type DraftProblem,
  draftFrom,
  isChanged,
  type ReadyRulesDraft,
} from './ready-rules-draft.ts';

export function ReadyRulesPanel() {
  const [open, setOpen] = useState(false);
  return (
    <section className="ready-rules" aria-labelledby="ready-rules-heading">
      <h2 id="ready-rules-heading">
        <button
          type="button"
          className="ready-rules-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> Definition of Ready
        </button>
      </h2>
      {open && <ReadyRulesBody />}
    </section>
  );
}

/** The user's edit, and the version it began from (what If-Match sends). */
interface Edit {
  values: ReadyRulesDraft;
  baseVersion: number;
}

function ReadyRulesBody() {
  const store = useStore();
  const productId = store.product.id;
  const query = useDefinitionOfReady(productId);
  const refreshReports = useRefreshReports(productId);
  // The newest definition known: the query's (kept live), or the one a save or a conflict just answered.
  const [answered, setAnswered] = useState<DefinitionOfReadyT | null>(null);
  const [edit, setEdit] = useState<Edit | null>(null);
  const [problem, setProblem] = useState<DraftProblem | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [saving, setSaving] = useState(false);
  const definition =
    answered && (!query.data || answered.version >= query.data.version) ? answered : query.data;

  if (!definition) {
    return query.error ? (
      <div className="ready-rules-body">
        <p className="form-error" role="alert">
          The Definition of Ready could not be loaded: {query.error.message}
        </p>
        <button type="button" onClick={() => void query.refetch()}>
          Try again
        </button>
      </div>
    ) : (
      <p className="ready-rules-body hint" aria-busy="true">
        Loading the Definition of Ready…
      </p>
    );
  }

  const readOnly = store.readOnly;
  const draft = edit?.values ?? draftFrom(definition);
  const changed = edit !== null && isChanged(edit.values, definition);
  const change = (values: ReadyRulesDraft) =>
    setEdit({ values, baseVersion: edit?.baseVersion ?? definition.version });

  const save = async () => {
    const result = bodyFrom(draft);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    setFailure(null);
    setSaving(true);
    try {
      const base = edit?.baseVersion ?? definition.version;
      setAnswered(await analysisApi.updateDefinitionOfReady(productId, result.body, base));
      setEdit(null);
      setConflict(false);
      refreshReports();
    } catch (error) {
      if (error instanceof ApiError && error.status === 412) {
        const theirs = await analysisApi.definitionOfReady(productId).catch(() => null);
        if (theirs) {
          setAnswered(theirs);
          setEdit(null);
          setConflict(true);
        } else setFailure(error);
      } else setFailure(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="ready-rules-body"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {conflict && (
        <p className="form-error" role="alert">
          Someone else changed the Definition of Ready meanwhile. Their rules are shown; yours were not saved.
        </p>
      )}
      <p className="hint">
        The rules an item must pass before a team takes it into a sprint.
        {readOnly ? '' : ' Switch off what your team does not ask.'}
      </p>
      <ul className="ready-rules-list">
        {definition.rules.map((setting) => (
          <li key={setting.rule}>
            <label className="switch">
              <input
                type="checkbox"
                checked={draft.enabled[setting.rule]}
                disabled={readOnly}
                onChange={(event) =>
                  change({ ...draft, enabled: { ...draft.enabled, [setting.rule]: event.target.checked } })
                }
              />
              {setting.label}
            </label>
            {setting.rule === 'fits_sprint' && (
              <FitsSprintLimit draft={draft} problem={problem} readOnly={readOnly} onDraft={change} />
            )}
          </li>
        ))}
      </ul>
      <FormError error={failure} />
      {!readOnly && (
        <div className="ready-rules-actions">
          <button type="submit" className="primary" disabled={!changed || saving}>
            {saving ? 'Saving…' : 'Save the rules'}
          </button>
          {changed && (
            <button
              type="button"
              onClick={() => {
                setEdit(null);
                setProblem(null);
              }}
            >
              Discard changes
            </button>
          )}
        </div>
      )}
    </form>
  );
}

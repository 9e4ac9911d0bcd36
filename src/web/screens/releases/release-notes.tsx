/**
 * A release's notes: generate a draft from its done items (asking first when that would replace edits),
 * edit the Markdown with a live preview, save the draft, publish it (asking first while the release has not
 * shipped); once published, where to read it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import {
  feedPath,
  generateNotes,
  publishedNotesPath,
  publishNotes,
  type ReleaseT,
} from '../../api/releases.ts';
import { Dialog } from '../../components/dialog.tsx';
import { Markdown } from '../../components/markdown.tsx';
import { notify } from '../../state/notices.ts';
import { useStore } from '../../state/use-store.ts';
import { draftMayBeEdited, formatInstant, unshippedQuestion } from './release-text.ts';
import { type ReleaseSaver, refused, saveRelease } from './save-release.ts';

const MAX_NOTES = LIMITS.releaseNotes;

export function ReleaseNotes({ saver }: { saver: ReleaseSaver }) {
  const store = useStore();
  const { release } = saver;
  const headingId = useId();
  const editorId = useId();
  // The text being edited, and the saved draft it started from: while they are equal there are no unsaved
  // edits, and a new draft from the server (generated, or saved elsewhere) simply replaces the text.
  const [text, setText] = useState(release.notesDraft);
  const base = useRef(release.notesDraft);
  const [busy, setBusy] = useState<null | 'generate' | 'save' | 'publish'>(null);
  const [confirming, setConfirming] = useState(false);
  const [confirmingPublish, setConfirmingPublish] = useState(false);
  const publishQuestion = unshippedQuestion(release);
  const dirty = text !== release.notesDraft;

  useEffect(() => {
    setText((current) => (current === base.current ? release.notesDraft : current));
    base.current = release.notesDraft;
  }, [release.notesDraft]);

  const generate = async () => {
    setConfirming(false);
    setBusy('generate');
    try {
      const generated = await generateNotes(release.id, release.version);
      // The new draft replaces what is being edited, too: the user asked for it (and confirmed edits away).
      base.current = generated.notesDraft;
      setText(generated.notesDraft);
      saver.accept(generated);
    } catch (error) {
      refused(saver, 'the new draft', error);
    } finally {
      setBusy(null);
    }
  };

  /** Saves the edits (if any); resolves to the release as saved, or null if the save was refused. */
  const save = async (): Promise<ReleaseT | null> => {
    if (!dirty) return release;
    setBusy('save');
    const sent = text;
    const saved = await saveRelease(saver, { notesDraft: sent }, 'the draft');
    setBusy(null);
    if (saved) {
      // The server keeps the text as it stores it (trimmed): that is now the text, unless typing went on.
      base.current = saved.notesDraft;
      setText((current) => (current === sent ? saved.notesDraft : current));
    }
    return saved;
  };

  const publish = async () => {
    setConfirmingPublish(false);
    const saved = await save();
    if (!saved) return;
    setBusy('publish');
    try {
      saver.accept(await publishNotes(release.id, saved.version));
      notify({ kind: 'info', message: `The notes of ${release.name} are published.` });
    } catch (error) {
      refused(saver, 'the publication', error);
    } finally {
      setBusy(null);
    }
  };

  const askToPublish = () => {
    if (publishQuestion) setConfirmingPublish(true);
    else void publish();
  };

  const askToGenerate = () => {
    if (dirty || draftMayBeEdited(release)) setConfirming(true);
    else void generate();
  };

  return (
    <section className="release-notes" aria-labelledby={headingId}>
      <div className="release-notes-head">
        <h2 id={headingId}>Release notes</h2>
        {!store.readOnly && (
          <button type="button" onClick={askToGenerate} disabled={busy !== null}>
            {release.notesDraft ? 'Generate draft again' : 'Generate draft'}
          </button>
        )}
      </div>
      <p className="hint">
        Written for customers from the release’s done items: grouped by public initiative, then new, improved
        and fixed. Keys, estimates and internal initiatives never appear.
        {release.notesGeneratedAt && ` Last generated ${formatInstant(release.notesGeneratedAt)}.`}
      </p>
      <Published release={release} productKey={store.product.key} />
      {store.readOnly ? (
        <ReadOnlyNotes release={release} />
      ) : (
        <div className="release-editor">
          <div className="release-editor-pane">
            <label htmlFor={editorId}>Draft (Markdown)</label>
            <textarea
              id={editorId}
              rows={18}
              maxLength={MAX_NOTES}
              value={text}
              placeholder="Generate a draft from the done items, or write the notes here."
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                  event.preventDefault();
                  void save();
                }
              }}
            />
          </div>
          <div className="release-editor-pane">
            <h3>Preview</h3>
            <div className="release-preview" aria-live="off">
              {text.trim() ? (
                <Markdown source={text} showPlainTextHint />
              ) : (
                <p className="release-empty">Nothing to preview yet.</p>
              )}
            </div>
          </div>
          <div className="release-editor-actions">
            <button type="button" onClick={() => void save()} disabled={!dirty || busy !== null}>
              Save draft
            </button>
            <button
              type="button"
              className="primary"
              onClick={askToPublish}
              disabled={!text.trim() || busy !== null}
            >
              {release.notesPublishedAt ? 'Publish again' : 'Publish'}
            </button>
            <span className="hint" role="status">
              {busy === 'save'
                ? 'Saving…'
                : busy === 'publish'
                  ? 'Publishing…'
                  : busy === 'generate'
                    ? 'Generating…'
                    : dirty
                      ? 'Unsaved changes'
                      : ''}
            </span>
            <span className="hint">
              <kbd>Ctrl</kbd>+<kbd>Enter</kbd> saves
            </span>
          </div>
        </div>
      )}
      {confirming && (
        <Dialog label="Replace the draft" onClose={() => setConfirming(false)} className="release-confirm">
          <h2>Replace the draft?</h2>
          <p>
            The draft has been edited. A new draft from the done items replaces it, and those edits are lost.
          </p>
          <div className="actions">
            <button type="button" onClick={() => setConfirming(false)}>
              Keep my draft
            </button>
            <button type="button" className="primary danger-primary" onClick={() => void generate()}>
              Replace the draft
            </button>
          </div>
        </Dialog>
      )}
      {confirmingPublish && publishQuestion && (
        <Dialog
          label="Publish the notes"
          onClose={() => setConfirmingPublish(false)}
          className="release-confirm"
        >
          <h2>{publishQuestion.title}</h2>
          <p>{publishQuestion.detail}</p>
          <div className="actions">
            <button type="button" onClick={() => setConfirmingPublish(false)}>
              Not yet
            </button>
            <button type="button" className="primary" onClick={() => void publish()}>
              Publish anyway
            </button>
          </div>
        </Dialog>
      )}
    </section>
  );
}

/** What a viewer reads: the published notes, or the draft while there are none. */
function ReadOnlyNotes({ release }: { release: ReleaseT }) {
  const source = release.notesPublished ?? release.notesDraft;
  if (!source) return <p className="release-empty">No notes yet.</p>;
  return (
    <div className="release-preview">
      <h3 className="visually-hidden">{release.notesPublished === null ? 'Draft' : 'Published notes'}</h3>
      <Markdown source={source} />
    </div>
  );
}

function Published({ release, productKey }: { release: ReleaseT; productKey: string }) {
  if (!release.notesPublishedAt) {
    return <p className="release-published not-yet">Not published yet.</p>;
  }
  return (
    <div className="release-published">
      <p>
        <strong>Published {formatInstant(release.notesPublishedAt)}</strong>
        {release.notesPublished !== release.notesDraft && ' · the draft has changed since'}
      </p>
      <ul className="release-links" aria-label="Published notes">
        <li>
          <a href={publishedNotesPath(productKey, release.id, 'html')} target="_blank" rel="noopener">
            Web page
          </a>
        </li>
        <li>
          <a href={publishedNotesPath(productKey, release.id, 'md')} target="_blank" rel="noopener">
            Markdown
          </a>
        </li>
        <li>
          <a href={feedPath(productKey)} target="_blank" rel="noopener">
            Atom feed
          </a>
        </li>
      </ul>
    </div>
  );
}

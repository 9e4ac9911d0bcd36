/**
 * Writing a comment (or editing one): Markdown with a preview through the one sanitising renderer, and
 * @mention suggestions from the product's people (the server decides who is a member and notifies them).
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { COMMENT_LIMITS } from '../../../schemas/comment-limits.ts';
import { Markdown } from '../markdown.tsx';

/** Suggestions shown at once, at most. */
const SUGGESTIONS = 6;
/** The `@word` being typed just before the caret (letters, digits, dots, dashes; no spaces yet). */
const TYPING_MENTION = /(?:^|\s)@([\p{L}\p{N}._-]{0,40})$/u;

export interface Person {
  id: string;
  name: string;
  email: string;
}

function suggestionsFor(typed: string, people: readonly Person[]): Person[] {
  const query = typed.toLowerCase();
  const found: Person[] = [];
  for (const person of people) {
    if (found.length >= SUGGESTIONS) break;
    const name = person.name.toLowerCase();
    if (
      name.startsWith(query) ||
      name.includes(` ${query}`) ||
      person.email.toLowerCase().startsWith(query)
    ) {
      found.push(person);
    }
  }
  return found;
}

export function CommentComposer(props: {
  label: string;
  initial?: string;
  submitLabel: string;
  pending: boolean;
  people: readonly Person[];
  onSubmit: (body: string) => void;
  onCancel?: () => void;
}) {
  const [body, setBody] = useState(props.initial ?? '');
  const [preview, setPreview] = useState(false);
  const [typing, setTyping] = useState<string | null>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const id = useId();
  const suggestions = typing === null ? [] : suggestionsFor(typing, props.people);

  const track = (value: string, caret: number) => {
    const match = TYPING_MENTION.exec(value.slice(0, caret));
    setTyping(match ? (match[1] ?? '') : null);
  };

  const pick = (person: Person) => {
    const element = area.current;
    const caret = element?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@[\p{L}\p{N}._-]*$/u, `@${person.name} `);
    const next = before + body.slice(caret);
    setBody(next);
    setTyping(null);
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(before.length, before.length);
    });
  };

  const submit = () => {
    if (body.trim() === '' || props.pending) return;
    props.onSubmit(body);
    if (props.initial === undefined) setBody('');
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === 'Escape' && typing !== null) {
      event.stopPropagation();
      setTyping(null);
    }
  };

  return (
    <form
      className="comment-composer"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <fieldset className="comment-composer-tabs" aria-label="Write or preview">
        <button type="button" aria-pressed={!preview} onClick={() => setPreview(false)}>
          Write
        </button>
        <button type="button" aria-pressed={preview} onClick={() => setPreview(true)}>
          Preview
        </button>
      </fieldset>
      {preview ? (
        <Markdown source={body || '_Nothing to preview._'} className="comment-preview" showPlainTextHint />
      ) : (
        <>
          <label htmlFor={id} className="visually-hidden">
            {props.label}
          </label>
          <textarea
            id={id}
            ref={area}
            value={body}
            maxLength={COMMENT_LIMITS.body}
            rows={3}
            placeholder="Markdown; @name mentions a member"
            onChange={(event) => {
              setBody(event.target.value);
              track(event.target.value, event.target.selectionStart);
            }}
            onKeyDown={onKeyDown}
          />
          {suggestions.length > 0 && (
            <ul className="mention-suggestions" aria-label="Mention">
              {suggestions.map((person) => (
                <li key={person.id}>
                  <button
                    type="button"
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => pick(person)}
                  >
                    {person.name} <span className="hint">{person.email}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className="comment-composer-actions">
        <button type="submit" disabled={props.pending || body.trim() === ''}>
          {props.submitLabel}
        </button>
        {props.onCancel && (
          <button type="button" className="link-button" onClick={props.onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

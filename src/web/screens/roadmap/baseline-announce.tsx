/**
 * Announcing a pivot. When an editor changes when or whether a committed initiative ships (its horizon,
 * dates, confidence or status) while the product has a baseline, the web asks for a short announcement
 * before saving: the team's words, optionally the customers' words, or "Save without announcing" (the
 * changelog then lists the change as unannounced). Escape keeps the initiative as it was.
 *
 * `saveInitiativeChange` is what the roadmap's screens call instead of updateInitiative; it asks through
 * the `AnnouncementDialogHost` the screen renders (no host, no question: the change is saved as it is).
 */
import { useEffect, useId, useState, useSyncExternalStore } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import { type AnnouncementWords, baselinesApi } from '../../api/baselines.ts';
import { Dialog } from '../../components/dialog.tsx';
import { updateInitiative } from '../../state/mutations/initiatives.ts';
import type { ProductStore } from '../../state/product-store.ts';
import { queryClient } from '../../state/query-client.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { pivotFieldsOf } from './baseline-pivot.ts';
import './baseline.css';

type Patch = Parameters<typeof updateInitiative>[2];
/** The editor's answer: words to send, none (save without announcing), or keep things as they were. */
type Answer = AnnouncementWords | null | 'cancel';

interface Question {
  title: string;
  fields: string[];
  answer(answer: Answer): void;
}

const FIELD_NAMES: Record<string, string> = {
  horizon: 'horizon',
  startDate: 'start date',
  targetDate: 'target date',
  confidence: 'confidence',
  status: 'status',
};

let question: Question | null = null;
/** The hosts rendered, latest last: only the latest shows the question (one dialog, never two). */
const hosts: object[] = [];
const listeners = new Set<() => void>();
const emit = () => {
  for (const listener of listeners) listener();
};

function ask(title: string, fields: string[]): Promise<Answer> {
  // One question at a time: a second pivot while one is asked waits for no answer and saves plainly.
  if (question) return Promise.resolve(null);
  return new Promise((resolve) => {
    question = {
      title,
      fields,
      answer: (answer) => {
        question = null;
        emit();
        resolve(answer);
      },
    };
    emit();
  });
}

async function hasBaseline(productId: string): Promise<boolean> {
  try {
    const list = await queryClient.fetchQuery({
      queryKey: queryKeys.baselineList(productId),
      queryFn: ({ signal }) => baselinesApi.list(productId, signal),
    });
    return list.length > 0;
  } catch {
    return false; // the save must not wait on the baselines: without them, it is saved as it is
  }
}

/** Saves a change to an initiative, asking for an announcement first when the change is a pivot. */
export async function saveInitiativeChange(store: ProductStore, id: string, patch: Patch): Promise<boolean> {
  const initiative = store.initiatives.get(id);
  const fields = initiative && !store.readOnly && hosts.length > 0 ? pivotFieldsOf(initiative, patch) : [];
  if (!initiative || fields.length === 0 || !(await hasBaseline(store.product.id))) {
    return updateInitiative(store, id, patch);
  }
  const answer = await ask(initiative.title, fields);
  if (answer === 'cancel') {
    store.changed(); // a dragged card goes back where it was
    return false;
  }
  return updateInitiative(store, id, patch, answer ? { announcement: answer } : {});
}

/** Renders the question when one is asked; each roadmap screen that can pivot renders one. */
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function AnnouncementDialogHost() {
  const [token] = useState(() => ({}));
  useEffect(() => {
    hosts.push(token);
    return () => {
      hosts.splice(hosts.indexOf(token), 1);
    };
  }, [token]);
  const current = useSyncExternalStore(subscribe, () => question);
  if (!current || hosts.at(-1) !== token) return null;
  return <AnnouncementDialog key={current.title} question={current} />;
}

function AnnouncementDialog({ question: q }: { question: Question }) {
  const [text, setText] = useState('');
  const [publicText, setPublicText] = useState('');
  const id = useId();
  const changed = q.fields.map((field) => FIELD_NAMES[field] ?? field).join(', ');
  const announce = () => {
    const words = text.trim();
    if (!words) return;
    const customers = publicText.trim();
    q.answer(customers ? { announcement: words, publicAnnouncement: customers } : { announcement: words });
  };
  return (
    <Dialog
      label={`Announce the change to ${q.title}`}
      onClose={() => q.answer('cancel')}
      className="announce-dialog"
    >
      <form
        className="stack"
        onSubmit={(event) => {
          event.preventDefault();
          announce();
        }}
      >
        <h2>Announce this change?</h2>
        <p>
          “{q.title}” was committed, and the roadmap has a baseline: changing its {changed} is a pivot. Say
          why in a sentence; the roadmap's changelog keeps it.
        </p>
        <label htmlFor={`${id}-text`}>Announcement</label>
        <input
          id={`${id}-text`}
          value={text}
          maxLength={LIMITS.announcement}
          placeholder="Moved to Next: the payments provider slipped."
          onChange={(event) => setText(event.target.value)}
        />
        <label htmlFor={`${id}-public`}>
          For customers <span className="hint">(optional: the words a customer roadmap shows)</span>
        </label>
        <textarea
          id={`${id}-public`}
          value={publicText}
          maxLength={LIMITS.publicAnnouncement}
          rows={2}
          onChange={(event) => setPublicText(event.target.value)}
        />
        <div className="dialog-actions">
          <button type="button" onClick={() => q.answer('cancel')}>
            Cancel
          </button>
          <button type="button" className="dialog-actions-end" onClick={() => q.answer(null)}>
            Save without announcing
          </button>
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            Save and announce
          </button>
        </div>
      </form>
    </Dialog>
  );
}

/**
 * The item a grooming session is on, in one focused card: title, story, criteria, estimate, initiative and
 * readiness, with the fields the session's keys jump to (e, a, i). Leaving a field gives the card the focus
 * back, so the next key acts again.
 */
import { type RefObject, useState } from 'react';
import { LIMITS } from '../../../schemas/limits.ts';
import type { BacklogItemT, ItemT } from '../../api/types.ts';
import { StatusChip, TypeBadge } from '../../components/chips.tsx';
import { READY_TEXT } from '../../components/readiness.ts';
import { useReadinessIndex } from '../../components/use-readiness-index.ts';
import { useStore } from '../../state/use-store.ts';
import { EstimateInput } from '../backlog/row-editors.tsx';
import { useFullItem } from '../items/use-full-item.ts';
import { ItemKeyLink } from './item-list.tsx';

export interface CardFields {
  card: RefObject<HTMLElement | null>;
  estimate: RefObject<HTMLSpanElement | null>;
  criterion: RefObject<HTMLInputElement | null>;
  initiative: RefObject<HTMLSelectElement | null>;
}

function storyText(story: ItemT['story']): string {
  if (!story) return 'Not written as a user story';
  return `As a ${story.asA}, I want ${story.iWant}${story.soThat ? ` so that ${story.soThat}` : ''}`;
}

export function SessionCard(props: {
  item: BacklogItemT;
  position: string;
  fields: CardFields;
  onEstimate: (estimate: number | null) => void;
  /** The criteria with one more added. */
  onCriteria: (criteria: ItemT['acceptanceCriteria']) => void;
  onInitiative: (initiativeId: string | null) => void;
}) {
  const store = useStore();
  const { item, fields } = props;
  // Story and criteria are not in the backlog's rows: the full item is read (and kept live) for the card.
  const { item: full } = useFullItem(store, item.key);
  const readiness = useReadinessIndex(store.product.id).get(item.id);
  const [criterion, setCriterion] = useState('');
  const backToCard = () => fields.card.current?.focus();
  const initiatives = store
    .sortedInitiatives()
    .filter((i) => i.id === item.initiativeId || (i.status !== 'done' && i.status !== 'dropped'));
  return (
    <article ref={fields.card} className="session-card" tabIndex={-1} aria-labelledby="session-item-title">
      <p className="session-position">{props.position}</p>
      <h2 id="session-item-title" className="session-title">
        <TypeBadge type={item.type} /> <ItemKeyLink itemKey={item.key} /> {item.title}
      </h2>
      <StatusChip status={item.status} />
      <dl className="session-fields">
        <div>
          <dt>Story</dt>
          <dd>{full ? storyText(full.story) : 'Loading…'}</dd>
        </div>
        <div>
          <dt>Estimate</dt>
          <dd>
            <span ref={fields.estimate}>
              <EstimateInput
                itemKey={item.key}
                estimate={item.estimate}
                tabIndex={0}
                disabled={store.readOnly}
                onSave={props.onEstimate}
                onLeave={backToCard}
              />
            </span>{' '}
            points
          </dd>
        </div>
        <div>
          <dt>
            <label htmlFor="session-initiative">Initiative</label>
          </dt>
          <dd>
            <select
              id="session-initiative"
              ref={fields.initiative}
              value={item.initiativeId ?? ''}
              disabled={store.readOnly}
              onChange={(event) => props.onInitiative(event.target.value || null)}
              onKeyDown={(event) => {
                if (event.key === 'Escape' || event.key === 'Enter') {
                  event.preventDefault();
                  backToCard();
                }
              }}
            >
              <option value="">No initiative</option>
              {initiatives.map((initiative) => (
                <option key={initiative.id} value={initiative.id}>
                  {initiative.title}
                </option>
              ))}
            </select>
          </dd>
        </div>
      </dl>
      <section className="session-criteria" aria-labelledby="session-criteria-heading">
        <h3 id="session-criteria-heading">Acceptance criteria</h3>
        {!full ? (
          <p className="hint">Loading…</p>
        ) : full.acceptanceCriteria.length === 0 ? (
          <p className="hint">None yet.</p>
        ) : (
          <ol>
            {full.acceptanceCriteria.map((c, at) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: criteria have no ids; their position is theirs
              <li key={at} className={c.done ? 'done' : undefined}>
                {c.text}
              </li>
            ))}
          </ol>
        )}
        {!store.readOnly && (
          <form
            className="session-criterion-add"
            onSubmit={(event) => {
              event.preventDefault();
              const text = criterion.trim();
              if (!text || !full) return;
              setCriterion('');
              props.onCriteria([...full.acceptanceCriteria, { text, done: false }]);
            }}
          >
            <input
              ref={fields.criterion}
              aria-label="New acceptance criterion"
              placeholder="Add a criterion and press Enter"
              maxLength={LIMITS.criterionText}
              disabled={!full || full.acceptanceCriteria.length >= LIMITS.criteria}
              value={criterion}
              onChange={(event) => setCriterion(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  event.preventDefault();
                  event.stopPropagation();
                  setCriterion('');
                  backToCard();
                }
              }}
            />
          </form>
        )}
      </section>
      <section className="session-readiness" aria-labelledby="session-readiness-heading">
        <h3 id="session-readiness-heading">Readiness</h3>
        {readiness === undefined ? (
          <p className="hint">Checking…</p>
        ) : readiness.text === '' ? (
          <p className="session-ready">{READY_TEXT}</p>
        ) : (
          <ul className="grooming-reasons" aria-label={`Why ${item.key} is not ready`}>
            {readiness.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

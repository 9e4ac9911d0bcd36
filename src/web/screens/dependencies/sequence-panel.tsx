/**
 * The sequencing suggestion: the fewest backlog moves that put every blocker above what it blocks, in
 * words, any cycles, and (for editors) "Apply N moves" after a confirmation. A backlog changed meanwhile
 * moves nothing and shows the fresh suggestion; a success says how many moves were made.
 */
import { useId, useState } from 'react';
import type { BacklogSequenceT } from '../../api/analysis.ts';
import { ApiError } from '../../api/client.ts';
import { useSequence } from '../../state/use-analysis.ts';
import { ConfirmApplyDialog } from './confirm-apply-dialog.tsx';
import { applyLabel, describeCycle, describeMove, type KeyOf, plural } from './map-text.ts';
import { type ApplyOutcome, useApplySequence } from './use-apply-sequence.ts';

/** Moves shown before "Show all". */
const FIRST_MOVES = 12;

interface Props {
  productId: string;
  readOnly: boolean;
  keyOf: KeyOf;
}

export function SequencePanel({ productId, readOnly, keyOf }: Props) {
  const headingId = useId();
  const read = useSequence(productId);
  const { apply, busy, outcome } = useApplySequence(productId);
  const [confirming, setConfirming] = useState<BacklogSequenceT | null>(null);
  const [showAll, setShowAll] = useState(false);
  const sequence = read.data;
  const moves = sequence?.moves ?? [];
  const shown = showAll ? moves : moves.slice(0, FIRST_MOVES);

  return (
    <section className="dep-panel dep-sequence" aria-labelledby={headingId} aria-busy={read.isFetching}>
      <h2 id={headingId}>Suggested backlog order</h2>
      <div aria-live="polite">
        {outcome && <OutcomeMessage outcome={outcome} refreshing={read.isFetching} />}
      </div>
      {read.error && (
        <div className="dep-error">
          <p className="form-error" role="alert">
            The suggested order could not be loaded: {messageOf(read.error)}
          </p>
          <button type="button" onClick={() => void read.refetch()}>
            Try again
          </button>
        </div>
      )}
      {!sequence && read.isPending && <p className="hint">Reading the backlog order…</p>}
      {sequence && (
        <>
          {moves.length === 0 && sequence.cycles.length === 0 && (
            <p className="dep-ok">The backlog already respects every dependency.</p>
          )}
          {moves.length > 0 && (
            <>
              <p>
                {plural(moves.length, 'move')} would put every blocker above what it blocks, keeping the rest
                of the rank order:
              </p>
              <ol className="dep-moves">
                {shown.map((move) => (
                  <li key={move.itemId}>{describeMove(move, keyOf)}</li>
                ))}
              </ol>
              {moves.length > FIRST_MOVES && (
                <button type="button" className="link-button" onClick={() => setShowAll((all) => !all)}>
                  {showAll ? 'Show fewer moves' : `Show all ${plural(moves.length, 'move')}`}
                </button>
              )}
            </>
          )}
          {sequence.cycles.length > 0 && (
            <div className="dep-cycles">
              <h3>Items that block each other</h3>
              <p>No order respects these dependencies; remove one link of each cycle:</p>
              <ul>
                {sequence.cycles.map((cycle) => (
                  <li key={cycle.join(' ')}>{describeCycle(cycle, keyOf)}</li>
                ))}
              </ul>
            </div>
          )}
          {moves.length > 0 &&
            (readOnly ? (
              <p className="hint">An editor of the product can apply these moves.</p>
            ) : (
              <button
                type="button"
                className="primary dep-apply"
                disabled={busy}
                onClick={() => setConfirming(sequence)}
              >
                {busy ? 'Applying…' : applyLabel(moves.length)}
              </button>
            ))}
        </>
      )}
      {confirming && (
        <ConfirmApplyDialog
          sequence={confirming}
          keyOf={keyOf}
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            setConfirming(null);
            void apply(confirming.etag);
          }}
        />
      )}
    </section>
  );
}

function OutcomeMessage({ outcome, refreshing }: { outcome: ApplyOutcome; refreshing: boolean }) {
  if (outcome.kind === 'applied') {
    return (
      <p className="dep-done" role="status">
        Made {plural(outcome.moves, 'move')} in the backlog.
      </p>
    );
  }
  if (outcome.kind === 'stale') {
    return (
      <p className="form-error" role="alert">
        The backlog changed since this suggestion was made, so nothing moved.{' '}
        {refreshing ? 'Reading the new suggestion…' : 'Below is the suggestion for the backlog as it is now.'}
      </p>
    );
  }
  return (
    <p className="form-error" role="alert">
      The moves could not be applied: {outcome.message}
    </p>
  );
}

function messageOf(error: Error): string {
  return error instanceof ApiError ? error.fieldMessage : error.message;
}

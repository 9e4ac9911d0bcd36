/**
 * A PRD's status and review: the moves its status may make (the server's rules, from domain/prd-rules),
 * its reviewers with their decisions, the signed-in reviewer's own decision, and who reviews. Each
 * control shows only to those who may use it.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  DECISION_LABELS,
  everyoneApproved,
  NEXT_STATUSES,
  PRD_STATUS_LABELS,
  type PrdStatusName,
} from '../../../domain/prd-rules.ts';
import { LIMITS } from '../../../schemas/limits.ts';
import { ApiError } from '../../api/client.ts';
import { type PrdT, prdsApi, type UpdatePrdBody } from '../../api/prds.ts';
import { FormError } from '../../components/form-error.tsx';
import { notify } from '../../state/notices.ts';
import { queryKeys } from '../../state/query-keys.ts';
import { useSignedIn } from '../../state/session.tsx';
import { useStore } from '../../state/use-store.ts';

/** The words of each move a PRD's status may make. */
const MOVE_LABELS: Record<string, string> = {
  'draft>in_review': 'Send for review',
  'in_review>draft': 'Back to draft',
  'in_review>approved': 'Mark approved',
  'approved>in_review': 'Reopen the review',
  'approved>superseded': 'Mark superseded',
};

function usePrdWrite(prd: PrdT) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (write: () => Promise<PrdT>) => write(),
    onSuccess: (saved) => {
      queryClient.setQueryData(queryKeys.prd(prd.productId, prd.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.prds(prd.productId) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 412) {
        notify({
          kind: 'error',
          message: 'Someone else changed this PRD meanwhile: it is shown as it is now.',
        });
        void queryClient.invalidateQueries({ queryKey: queryKeys.prd(prd.productId, prd.id) });
      }
    },
  });
}

function ReviewerPicker({ prd, onSave }: { prd: PrdT; onSave: (ids: string[]) => void }) {
  const store = useStore();
  const [chosen, setChosen] = useState(() => prd.reviewers.map((r) => r.userId));
  const candidates = [...store.users.values()].filter((u) => u.role !== 'viewer');
  return (
    <details className="prd-reviewer-picker">
      <summary>Choose reviewers</summary>
      <fieldset>
        <legend className="visually-hidden">Reviewers</legend>
        {candidates.map((user) => (
          <label key={user.id}>
            <input
              type="checkbox"
              checked={chosen.includes(user.id)}
              disabled={!chosen.includes(user.id) && chosen.length >= LIMITS.prdReviewers}
              onChange={(event) =>
                setChosen((list) =>
                  event.target.checked ? [...list, user.id] : list.filter((id) => id !== user.id),
                )
              }
            />
            {user.name}
          </label>
        ))}
      </fieldset>
      <button type="button" onClick={() => onSave(chosen)}>
        Save reviewers
      </button>
    </details>
  );
}

export function PrdWorkflow({ prd, editable }: { prd: PrdT; editable: boolean }) {
  const { user } = useSignedIn();
  const write = usePrdWrite(prd);
  const patch = (body: UpdatePrdBody) => write.mutate(() => prdsApi.update(prd.id, body, prd.version));
  const status = prd.status as PrdStatusName;
  const mine = prd.reviewers.find((r) => r.userId === user.id);
  const moves = editable ? NEXT_STATUSES[status] : [];

  return (
    <section className="prd-workflow" aria-labelledby="prd-workflow-heading">
      <h2 id="prd-workflow-heading">Review</h2>
      <p>
        Status: <strong className={`prd-status prd-status-${status}`}>{PRD_STATUS_LABELS[status]}</strong>
      </p>
      {moves.length > 0 && (
        <div className="prd-moves">
          {moves.map((to) => {
            const blocked = to === 'approved' && !everyoneApproved(prd.reviewers);
            return (
              <button
                key={to}
                type="button"
                disabled={write.isPending || blocked}
                title={blocked ? 'Every reviewer must approve first' : undefined}
                onClick={() => patch({ status: to })}
              >
                {MOVE_LABELS[`${status}>${to}`] ?? PRD_STATUS_LABELS[to]}
              </button>
            );
          })}
        </div>
      )}
      <h3>Reviewers</h3>
      {prd.reviewers.length === 0 ? (
        <p className="hint">No reviewer yet. Approval needs at least one, and every one approving.</p>
      ) : (
        <ul className="prd-reviewers">
          {prd.reviewers.map((r) => (
            <li key={r.userId}>
              {r.name}:{' '}
              <span className={`decision decision-${r.decision}`}>{DECISION_LABELS[r.decision]}</span>
            </li>
          ))}
        </ul>
      )}
      {mine && status === 'in_review' && !write.isPending && (
        <div className="prd-my-review">
          <button
            type="button"
            className="primary"
            disabled={mine.decision === 'approved'}
            onClick={() => write.mutate(() => prdsApi.review(prd.id, 'approved'))}
          >
            I approve
          </button>
          <button
            type="button"
            disabled={mine.decision === 'changes_requested'}
            onClick={() => write.mutate(() => prdsApi.review(prd.id, 'changes_requested'))}
          >
            Request changes
          </button>
        </div>
      )}
      {editable && status !== 'superseded' && (
        <ReviewerPicker
          key={prd.reviewers.map((r) => r.userId).join()}
          prd={prd}
          onSave={(ids) => patch({ reviewerIds: ids })}
        />
      )}
      <FormError error={write.error} />
    </section>
  );
}

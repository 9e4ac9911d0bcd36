/**
 * Recording a strategic review: its decisions in Markdown (with a preview), stored by the server with a
 * snapshot of the figures at that moment. The new review joins the list at once.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { analysisApi } from '../../api/analysis.ts';
import { formatInstant } from '../../components/dates.ts';
import { FormError } from '../../components/form-error.tsx';
import { Markdown } from '../../components/markdown.tsx';
import { queryKeys } from '../../state/query-keys.ts';
import { useRefreshReports } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import type { ReviewData } from './health-text.ts';

export function RecordReview({ onRecorded }: { onRecorded: (review: ReviewData) => void }) {
  const store = useStore();
  const productId = store.product.id;
  const queryClient = useQueryClient();
  const refresh = useRefreshReports(productId);
  const editorId = useId();
  const hintId = useId();
  const [text, setText] = useState('');
  const record = useMutation({
    mutationFn: (decisions: string) => analysisApi.createReview(productId, { decisions }),
    onSuccess: (review) => {
      queryClient.setQueryData<ReviewData[]>(queryKeys.report(productId, 'reviews', {}), (list) => [
        review,
        ...(list ?? []).filter((each) => each.id !== review.id),
      ]);
      // The figures now count their changes from this review.
      refresh();
      setText('');
      onRecorded(review);
    },
  });
  const canRecord = text.trim() !== '' && !record.isPending;
  const submit = () => {
    if (canRecord) record.mutate(text);
  };

  return (
    <form
      className="record-review"
      aria-label="Record a review"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <div className="record-review-panes">
        <div className="record-review-pane">
          <label htmlFor={editorId}>Decisions (Markdown)</label>
          <textarea
            id={editorId}
            rows={8}
            value={text}
            aria-describedby={hintId}
            placeholder="What did the review decide? E.g. “Pause gift cards; move search to now.”"
            onChange={(event) => setText(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
          />
          <p className="hint" id={hintId}>
            The figures on this screen are kept with the decisions, so later reviews can be compared with this
            one. <kbd>Ctrl</kbd>+<kbd>Enter</kbd> records.
          </p>
        </div>
        {text.trim() && (
          <div className="record-review-pane">
            <h3>Preview</h3>
            <div className="review-preview">
              <Markdown source={text} showPlainTextHint />
            </div>
          </div>
        )}
      </div>
      <FormError error={record.error} />
      <div className="record-review-actions">
        <button type="submit" className="primary" disabled={!canRecord}>
          Record review
        </button>
        <span className="hint" role="status">
          {record.isPending
            ? 'Recording…'
            : record.data && !record.error
              ? `Review recorded ${formatInstant(record.data.createdAt)}.`
              : ''}
        </span>
      </div>
    </form>
  );
}

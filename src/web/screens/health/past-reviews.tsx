/**
 * The reviews recorded so far, newest first: when, who, and the decisions rendered through the app's one
 * Markdown renderer. The newest few are shown; the rest on request.
 */
import { useState } from 'react';
import { formatInstant } from '../../components/dates.ts';
import { Markdown } from '../../components/markdown.tsx';
import { useStore } from '../../state/use-store.ts';
import { personName, type ReviewData } from './health-text.ts';

const FIRST_SHOWN = 5;

export function PastReviews({
  reviews,
  recentId,
}: {
  reviews: readonly ReviewData[];
  recentId: string | null;
}) {
  const store = useStore();
  const [all, setAll] = useState(false);
  if (reviews.length === 0) {
    return <p className="hint">No review recorded yet.</p>;
  }
  const shown = all ? reviews : reviews.slice(0, FIRST_SHOWN);
  return (
    <>
      <ol className="review-list" aria-label="Past reviews">
        {shown.map((review) => (
          <li key={review.id} className={review.id === recentId ? 'review review-recent' : 'review'}>
            <article aria-label={`Review of ${formatInstant(review.createdAt)}`}>
              <h3 className="review-head">
                <time dateTime={review.createdAt}>{formatInstant(review.createdAt)}</time>
                <span className="hint"> · {personName(store.users, review.createdBy)}</span>
                {review.id === recentId && <span className="review-new">Just recorded</span>}
              </h3>
              <Markdown source={review.decisions} className="review-decisions" />
            </article>
          </li>
        ))}
      </ol>
      {reviews.length > shown.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show all {reviews.length} reviews
        </button>
      )}
    </>
  );
}

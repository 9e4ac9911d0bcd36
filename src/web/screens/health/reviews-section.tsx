/**
 * The strategic reviews: recording one (not for viewers), the ones recorded so far, and comparing any two
 * of them, or one with the figures now.
 */
import { useMemo, useState } from 'react';
import { useReviewFigures, useReviews } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { HealthSection, ReportState } from './health-section.tsx';
import { PastReviews } from './past-reviews.tsx';
import { RecordReview } from './record-review.tsx';
import { ReviewComparison } from './review-comparison.tsx';
import './health-reviews.css';

export function RecordReviewSection() {
  const store = useStore();
  const [recentId, setRecentId] = useState<string | null>(null);
  return (
    <>
      {store.readOnly ? (
        <HealthSection title="Record a review" className="health-record">
          <p className="hint">You can read the reviews but not record one (your role is viewer).</p>
        </HealthSection>
      ) : (
        <HealthSection title="Record a review" className="health-record">
          <RecordReview onRecorded={(review) => setRecentId(review.id)} />
        </HealthSection>
      )}
      <PastReviewsSection recentId={recentId} />
    </>
  );
}

function PastReviewsSection({ recentId }: { recentId: string | null }) {
  const store = useStore();
  const reviews = useReviews(store.product.id);
  const figures = useReviewFigures(store.product.id);
  const { data, dataUpdatedAt } = figures;
  const current = useMemo(
    () => (data ? { snapshot: data.snapshot, at: new Date(dataUpdatedAt).toISOString() } : null),
    [data, dataUpdatedAt],
  );
  return (
    <HealthSection title="Past reviews" className="health-reviews">
      <ReportState
        what="reviews"
        loading={reviews.isPending}
        error={reviews.error}
        hasData={reviews.data !== undefined}
      />
      {reviews.data && (
        <>
          <ReviewComparison reviews={reviews.data} current={current} />
          <PastReviews reviews={reviews.data} recentId={recentId} />
        </>
      )}
    </HealthSection>
  );
}

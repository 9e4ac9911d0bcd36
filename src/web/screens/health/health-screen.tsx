/**
 * /p/:key/health — the monthly strategic review on one screen: whether the backlog serves the roadmap,
 * when the open initiatives and releases will be done, what blocks them, what changed since the last
 * review, and the reviews themselves. Each part loads and fails on its own; all follow plan changes live.
 */
import { InsightTabs } from '../../components/insight-tabs.tsx';
import { useStore } from '../../state/use-store.ts';
import { AlignmentSection } from './alignment-section.tsx';
import { BlockersSection } from './blockers-section.tsx';
import { ChangesSection } from './changes-section.tsx';
import { ForecastSection } from './forecast-section.tsx';
import { RecordReviewSection } from './reviews-section.tsx';
import './health.css';

export function HealthScreen() {
  const store = useStore();
  return (
    <main className="screen health-screen">
      <InsightTabs productKey={store.product.key} />
      <header className="health-header">
        <h1>Health</h1>
        <p className="hint">
          The monthly strategic review: alignment, forecasts, blockers and roadmap changes, as they are now.
          Recording a review keeps these figures with its decisions.
        </p>
      </header>
      <div className="health-grid">
        <AlignmentSection />
        <ForecastSection />
        <BlockersSection />
        <ChangesSection />
        <RecordReviewSection />
      </div>
    </main>
  );
}

/**
 * /p/:key/grooming — what to refine before the next sprint planning: the grooming report's lists (not ready
 * near the top, ready to mark, stale, too large, tiny, duplicates, work for closed initiatives) with their
 * bulk actions, the backlog's depth, the Definition of Ready, and a grooming session that walks the top of
 * the backlog one item at a time. The report is read again live on any change to the plan.
 */
import { useState } from 'react';
import { useGrooming } from '../../state/use-analysis.ts';
import { useStore } from '../../state/use-store.ts';
import { GroomingSession } from './grooming-session.tsx';
import { depthDetail, depthText, lastRefinedText } from './grooming-text.ts';
import { DuplicatesSection, UndersizedSection } from './group-sections.tsx';
import {
  ClosedInitiativesSection,
  NotReadySection,
  OversizedSection,
  ReadyToMarkSection,
  StaleSection,
} from './item-sections.tsx';
import { ReadyRulesPanel } from './ready-rules-panel.tsx';
import { emptyLog, type SessionLog, withSeen } from './session-log.ts';
import { SessionSummary } from './session-summary.tsx';
import { startWalk, type Walk } from './session-walk.ts';
import './grooming.css';
import { InsightTabs } from '../../components/insight-tabs.tsx';
import { recordGroomingSession } from '../home/record-grooming-session.ts';

export function GroomingScreen() {
  const store = useStore();
  const [staleDays, setStaleDays] = useState<number | undefined>(undefined);
  const report = useGrooming(store.product.id, staleDays);
  const [session, setSession] = useState<Walk | null>(null);
  // The running session's log, then its summary until closed.
  const [log, setLog] = useState<SessionLog | null>(null);
  const data = report.data;
  // The session walks the store's backlog: it needs all of it.
  const canStart = !store.readOnly && store.state === 'ready' && session === null;

  return (
    <main className="screen grooming-screen">
      <InsightTabs productKey={store.product.key} />
      <div className="grooming-page">
        <header className="grooming-head">
          <h1>Grooming</h1>
          {data && (
            <p className="grooming-figures">
              <span>{lastRefinedText(data.lastRefinedAt)}</span>
              <span>
                {depthText(data.depth)} <span className="hint">({depthDetail(data.depth)})</span>
              </span>
            </p>
          )}
          {canStart && (
            <button
              type="button"
              className="primary"
              onClick={() => {
                const walk = startWalk(store.orderedItems());
                setLog(withSeen(emptyLog(), walk.ids.length > 0 ? 1 : 0));
                setSession(walk);
              }}
            >
              Start grooming session
            </button>
          )}
        </header>
        {session ? (
          <GroomingSession
            walk={session}
            onLog={(change) => setLog((current) => current && change(current))}
            onEnd={() => {
              setSession(null);
              // The session's trace on the server: the backlog grooming cadence reads it as done.
              if (log && !store.readOnly) void recordGroomingSession(store.product.id, log);
            }}
          />
        ) : (
          <>
            {log && <SessionSummary log={log} onClose={() => setLog(null)} />}
            <ReadyRulesPanel />
            {report.error && (
              <div className="grooming-error">
                <p className="form-error" role="alert">
                  The grooming report could not be {data ? 'brought up to date' : 'loaded'}:{' '}
                  {report.error.message}
                </p>
                <button type="button" onClick={() => void report.refetch()}>
                  Try again
                </button>
              </div>
            )}
            {!data && !report.error && (
              <p className="hint" aria-busy="true">
                Loading the grooming report…
              </p>
            )}
            {data && (
              <div className="grooming-sections">
                <NotReadySection list={data.notReadyNearTop} velocity={data.velocity} />
                <ReadyToMarkSection />
                <StaleSection list={data.stale} onStaleDays={setStaleDays} />
                <OversizedSection list={data.oversized} />
                <UndersizedSection groups={data.undersized} />
                <DuplicatesSection pairs={data.duplicates} />
                <ClosedInitiativesSection list={data.servingClosedInitiatives} />
              </div>
            )}
          </>
        )}
      </div>
    </main>
  );
}

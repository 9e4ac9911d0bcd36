/**
 * Whether the item passes the product's Definition of Ready, and if not, every rule it fails in the
 * server's words. Read from the product's readiness report (shared with the backlog, refreshed live), so
 * fixing a field below takes its reason away within a second or so.
 */
import type { ItemT } from '../../api/types.ts';
import { ReadinessMark } from '../../components/readiness-mark.tsx';
import { useReadinessIndex } from '../../components/use-readiness-index.ts';
import { useReadiness } from '../../state/use-analysis.ts';
import { useStoreOnce } from '../../state/use-store.ts';

export function ReadinessSection({ item }: { item: ItemT }) {
  const store = useStoreOnce();
  const closed = item.status === 'done' || item.status === 'wont_do';
  const { error } = useReadiness(store.product.id, !closed);
  const readiness = useReadinessIndex(store.product.id, !closed).get(item.id);
  const failing = readiness?.reasons.length ?? 0;
  return (
    <section className="item-section item-readiness" aria-labelledby="item-readiness-heading">
      <div className="section-heading">
        <h3 id="item-readiness-heading">Readiness</h3>
        {/* Said when it changes: the reason a fix below takes away, or "Ready". */}
        <span className="hint" aria-live="polite">
          {readiness &&
            (failing === 0
              ? 'Ready'
              : `Not ready: ${failing} ${failing === 1 ? 'rule fails' : 'rules fail'}`)}
        </span>
      </div>
      {closed ? (
        <p className="hint">Closed: readiness is checked for open items only.</p>
      ) : readiness ? (
        failing === 0 ? (
          <ReadinessMark text="" variant="line" />
        ) : (
          <ul className="readiness-reasons" aria-label="Rules of the Definition of Ready it fails">
            {readiness.reasons.map((reason) => (
              <li key={reason.code} data-code={reason.code}>
                <span aria-hidden="true">⚠ </span>
                {reason.message}
              </li>
            ))}
          </ul>
        )
      ) : error ? (
        <p className="hint warn" role="alert">
          Could not check readiness: {error.message}
        </p>
      ) : (
        <p className="hint" aria-busy="true">
          Checking against the Definition of Ready…
        </p>
      )}
    </section>
  );
}

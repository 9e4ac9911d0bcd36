/**
 * The report's lists of single items: not ready near the top (with every failing rule), ready by the rules
 * but still marked Backlog, stale, too large for a sprint, and work for initiatives that are done or dropped.
 */
import { useState } from 'react';
import type { GroomingReportT } from '../../api/analysis.ts';
import { useReadinessIndex } from '../../components/use-readiness-index.ts';
import { useStore } from '../../state/use-store.ts';
import { ConfirmTrash } from './confirm-dialog.tsx';
import { markReady, trashItems, unlinkInitiative } from './grooming-mutations.ts';
import { countText, estimateText } from './grooming-text.ts';
import { ItemList, ReportSection } from './item-list.tsx';
import { SplitDialog } from './split-dialog.tsx';
import { StaleDaysInput } from './stale-days-input.tsx';

type Report = GroomingReportT;

/** The most items the "ready to mark" list shows, as the report's own lists. */
const MAX_LISTED = 200;

export function NotReadySection({
  list,
  velocity,
}: {
  list: Report['notReadyNearTop'];
  velocity: number | null;
}) {
  return (
    <ReportSection
      id="not-ready"
      title="Not ready near the top"
      count={countText(list.items.length, list.total)}
      about={`Items among the top ${list.reach} of the backlog (${velocity === null ? 'no velocity yet: the first ones' : 'two sprints of work at the velocity'}) that fail the Definition of Ready.`}
      empty="Everything near the top is ready."
      isEmpty={list.items.length === 0}
    >
      <ItemList
        label="Items not ready near the top"
        items={list.items}
        detail={(item) => (
          <ul className="grooming-reasons" aria-label={`Why ${item.key} is not ready`}>
            {item.reasons.map((reason) => (
              <li key={reason.code}>{reason.message}</li>
            ))}
          </ul>
        )}
      />
    </ReportSection>
  );
}

/** Items that pass every rule but whose status is still Backlog: one click marks them ready. */
export function ReadyToMarkSection() {
  const store = useStore();
  const readiness = useReadinessIndex(store.product.id);
  const items = [];
  for (const item of store.orderedItems()) {
    if (items.length >= MAX_LISTED) break;
    if (item.status === 'backlog' && readiness.get(item.id)?.text === '') {
      items.push({ itemId: item.id, key: item.key, title: item.title, estimate: item.estimate });
    }
  }
  return (
    <ReportSection
      id="ready-to-mark"
      title="Ready by the rules, still in Backlog"
      count={String(items.length)}
      about="They pass the Definition of Ready: mark them ready for the next sprint planning."
      empty="No item waits to be marked ready."
      isEmpty={items.length === 0}
    >
      <ItemList
        label="Items ready by the rules"
        items={items}
        bulkActions={
          store.readOnly
            ? undefined
            : (ids, clear) => (
                <button
                  type="button"
                  onClick={() => {
                    clear();
                    void markReady(store, ids);
                  }}
                >
                  Mark ready
                </button>
              )
        }
      />
    </ReportSection>
  );
}

export function StaleSection(props: { list: Report['stale']; onStaleDays: (days: number) => void }) {
  const store = useStore();
  const [confirming, setConfirming] = useState<{ ids: string[]; clear: () => void } | null>(null);
  const { list } = props;
  return (
    <ReportSection
      id="stale"
      title="Stale"
      count={countText(list.items.length, list.total)}
      tools={<StaleDaysInput days={list.staleDays} onChange={props.onStaleDays} />}
      about="Open items nobody has touched for a while, oldest first: still wanted?"
      empty={`No open item is older than ${list.staleDays} days.`}
      isEmpty={list.items.length === 0}
    >
      <ItemList
        label="Stale items"
        items={list.items}
        detail={(item) => `untouched ${item.days} days`}
        bulkActions={
          store.readOnly
            ? undefined
            : (ids, clear) => (
                <button type="button" className="danger" onClick={() => setConfirming({ ids, clear })}>
                  Move stale to trash…
                </button>
              )
        }
      />
      {confirming && (
        <ConfirmTrash
          count={confirming.ids.length}
          what="stale"
          why={`Nobody has touched them for ${list.staleDays} days or more.`}
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            confirming.clear();
            void trashItems(store, confirming.ids);
          }}
        />
      )}
    </ReportSection>
  );
}

export function OversizedSection({ list }: { list: Report['oversized'] }) {
  const store = useStore();
  const [splitting, setSplitting] = useState<{ id: string; key: string } | null>(null);
  return (
    <ReportSection
      id="oversized"
      title="Too large for a sprint"
      count={countText(list.items.length, list.total)}
      about="Larger than the Definition of Ready lets into a sprint: split them."
      empty="Every estimate fits a sprint."
      isEmpty={list.items.length === 0}
    >
      <ItemList
        label="Items too large for a sprint"
        items={list.items}
        detail={(item) => `more than the ${estimateText(item.limit)} that fit`}
        rowActions={
          store.readOnly
            ? undefined
            : (item) => (
                <button
                  type="button"
                  aria-label={`Split ${item.key}…`}
                  onClick={() => setSplitting({ id: item.itemId, key: item.key })}
                >
                  Split…
                </button>
              )
        }
      />
      {splitting && (
        <SplitDialog itemId={splitting.id} itemKey={splitting.key} onClose={() => setSplitting(null)} />
      )}
    </ReportSection>
  );
}

export function ClosedInitiativesSection({ list }: { list: Report['servingClosedInitiatives'] }) {
  const store = useStore();
  const [confirming, setConfirming] = useState<{ ids: string[]; clear: () => void } | null>(null);
  return (
    <ReportSection
      id="closed-initiatives"
      title="Work for done or dropped initiatives"
      count={countText(list.items.length, list.total)}
      about="Open items serving an initiative that is over: move them to another, or drop them."
      empty="No open work serves a closed initiative."
      isEmpty={list.items.length === 0}
    >
      <ItemList
        label="Items serving closed initiatives"
        items={list.items}
        detail={(item) =>
          `for “${store.initiatives.get(item.initiativeId)?.title ?? 'an initiative'}” (${item.initiativeStatus})`
        }
        bulkActions={
          store.readOnly
            ? undefined
            : (ids, clear) => (
                <>
                  <button
                    type="button"
                    onClick={() => {
                      clear();
                      void unlinkInitiative(store, ids);
                    }}
                  >
                    Unlink from the initiative
                  </button>
                  <button type="button" className="danger" onClick={() => setConfirming({ ids, clear })}>
                    Move to trash…
                  </button>
                </>
              )
        }
      />
      {confirming && (
        <ConfirmTrash
          count={confirming.ids.length}
          what="selected"
          why="Their initiative is over."
          onClose={() => setConfirming(null)}
          onConfirm={() => {
            confirming.clear();
            void trashItems(store, confirming.ids);
          }}
        />
      )}
    </ReportSection>
  );
}

/**
 * The report's groups: tiny items of one initiative worth combining, and likely duplicate pairs, each pair
 * with a merge that keeps the higher-ranked item.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import type { GroomingReportT } from '../../api/analysis.ts';
import { paths } from '../../routes.ts';
import { useStore } from '../../state/use-store.ts';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { mergeItems } from './grooming-mutations.ts';
import { estimateText, scoreText } from './grooming-text.ts';
import { ItemKeyLink, ItemList, type ListedItem, liveOnly, ReportSection } from './item-list.tsx';

type Report = GroomingReportT;
/** A likely duplicate pair, the higher-ranked item first (the client's types read the pair as a list). */
interface Pair {
  itemIds: readonly string[];
  score: number;
  items: readonly ListedItem[];
}

export function UndersizedSection({ groups }: { groups: Report['undersized'] }) {
  const store = useStore();
  return (
    <ReportSection
      id="undersized"
      title="Tiny items to combine"
      count={String(groups.length)}
      about="Initiatives with several items of a point or less: worth combining into fewer, larger ones."
      empty="No initiative has a pile of tiny items."
      isEmpty={groups.length === 0}
    >
      <ul className="grooming-groups" aria-label="Initiatives with tiny items">
        {groups.map((group) => (
          <li key={group.initiativeId} className="grooming-group">
            <h3>
              <Link to={paths.initiative(store.product.key, group.initiativeId)}>{group.title}</Link>{' '}
              <span className="hint">
                {group.items.length} items, {estimateText(group.points)}
              </span>
            </h3>
            <ItemList label={`Tiny items of ${group.title}`} items={group.items} />
          </li>
        ))}
      </ul>
    </ReportSection>
  );
}

export function DuplicatesSection({ pairs }: { pairs: readonly Pair[] }) {
  const store = useStore();
  const [merging, setMerging] = useState<{ keep: ListedItem; other: ListedItem } | null>(null);
  return (
    <ReportSection
      id="duplicates"
      title="Likely duplicates"
      count={String(pairs.length)}
      about="Pairs whose texts read alike, most alike first. A merge keeps the item higher in the backlog."
      empty="No two open items read alike."
      isEmpty={pairs.length === 0}
    >
      <ul className="grooming-pairs" aria-label="Likely duplicate pairs">
        {pairs.map((pair) => {
          const [keep, other] = liveOnly(store, pair.items);
          if (!keep || !other) return null;
          return (
            <li key={pair.itemIds.join('+')} className="grooming-pair">
              <span className="grooming-pair-item">
                <ItemKeyLink itemKey={keep.key} />
                <span className="grooming-title">{keep.title}</span>
              </span>
              <span className="grooming-pair-item">
                <ItemKeyLink itemKey={other.key} />
                <span className="grooming-title">{other.title}</span>
              </span>
              <span className="grooming-score">{scoreText(pair.score)}</span>
              {!store.readOnly && (
                <button
                  type="button"
                  aria-label={`Merge ${other.key} into ${keep.key}…`}
                  onClick={() => setMerging({ keep, other })}
                >
                  Merge…
                </button>
              )}
            </li>
          );
        })}
      </ul>
      {merging && <MergeConfirm keep={merging.keep} other={merging.other} onClose={() => setMerging(null)} />}
    </ReportSection>
  );
}

/** Confirms a merge: what is kept, what moves over, what goes to the trash. */
function MergeConfirm(props: { keep: ListedItem; other: ListedItem; onClose: () => void }) {
  const store = useStore();
  const { keep, other } = props;
  return (
    <ConfirmDialog
      label="Merge the duplicates"
      title={`Merge ${other.key} into ${keep.key}?`}
      confirmLabel={`Merge into ${keep.key}`}
      onClose={props.onClose}
      onConfirm={() => void mergeItems(store, keep.itemId, other.itemId)}
    >
      <p>
        {keep.key} “{keep.title}” is kept: it is higher in the backlog. It takes {other.key}’s acceptance
        criteria, labels and dependencies, and {other.key} “{other.title}” goes to the trash. Both histories
        are kept.
      </p>
    </ConfirmDialog>
  );
}

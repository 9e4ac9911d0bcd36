/** The map's gaps: steps missing from the walking skeleton, stories in the trash, unmapped initiative items. */
import type { StoryMapT } from '../../api/story-maps.ts';

/** Entries each list shows; the rest is counted (a map of 1,000 steps may miss most of its skeleton). */
const SHOWN = 50;

function More({ total }: { total: number }) {
  return total > SHOWN ? <p className="hint">…and {total - SHOWN} more.</p> : null;
}

export function GapsPanel({ map }: { map: StoryMapT }) {
  const { gaps } = map;
  const steps = new Map(map.steps.map((s) => [s.id, s.title]));
  const cards = new Map(map.cards.map((c) => [c.itemId, c]));
  const stepTitle = (id: string) => steps.get(id) ?? '';
  const card = (id: string) => cards.get(id);
  const none = gaps.skeletonSteps.length + gaps.trashedItems.length + gaps.unmappedItems.length === 0;
  return (
    <aside className="sm-gaps" aria-label="Gaps">
      <h2>Gaps</h2>
      {none && <p className="hint">No gaps: every step has a story in the first slice.</p>}
      {gaps.skeletonSteps.length > 0 && (
        <section>
          <h3>Walking skeleton incomplete</h3>
          <p className="hint">No story of the first slice under these steps:</p>
          <ul>
            {gaps.skeletonSteps.slice(0, SHOWN).map((id) => (
              <li key={id}>{stepTitle(id)}</li>
            ))}
          </ul>
          <More total={gaps.skeletonSteps.length} />
        </section>
      )}
      {gaps.trashedItems.length > 0 && (
        <section>
          <h3>No longer in the backlog</h3>
          <ul>
            {gaps.trashedItems.slice(0, SHOWN).map((id) => (
              <li key={id}>
                {card(id)?.key} {card(id)?.title}
              </li>
            ))}
          </ul>
          <More total={gaps.trashedItems.length} />
        </section>
      )}
      {gaps.unmappedItems.length > 0 && (
        <section>
          <h3>Initiative items on no map</h3>
          <ul>
            {gaps.unmappedItems.slice(0, SHOWN).map((item) => (
              <li key={item.id}>
                {item.key} {item.title}
              </li>
            ))}
          </ul>
          <More total={gaps.unmappedItems.length} />
          {gaps.unmappedTruncated && (
            <p className="hint">Only the first items of the initiative were checked.</p>
          )}
        </section>
      )}
    </aside>
  );
}

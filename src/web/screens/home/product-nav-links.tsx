/**
 * The product's screens in the header's nav, in the order its process profile leads with: `full` leads
 * with the roadmap and sprints, `light` with the board and backlog, its sprints and timeline out of the
 * main nav (still reachable by address and the palette). Until the profile is read, the full order.
 */
import { NavLink } from 'react-router';
import { SCREEN_LINKS } from './screen-links.ts';

export { isHomePath } from './screen-links.ts';

import { FULL_SCREENS, useProcess } from './use-process.ts';

/** Links the header shows itself: Insights (its own active rule), and the vision under Home. */
const FRAMED = new Set(['health', 'vision']);

export function ProductNavLinks({ productId, productKey }: { productId: string; productKey: string }) {
  const process = useProcess(productId);
  const screens = (process.data?.screens ?? FULL_SCREENS).filter((screen) => !FRAMED.has(screen));
  return (
    <>
      {screens.map((screen) => (
        <NavLink key={screen} to={SCREEN_LINKS[screen].to(productKey)}>
          {SCREEN_LINKS[screen].label}
        </NavLink>
      ))}
    </>
  );
}

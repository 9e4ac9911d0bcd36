/**
 * Leaving the item panel and moving between items inside it. An item opened from a screen carries that
 * screen as `background`; items opened from within the panel count how deep they are, so closing goes back
 * to the screen underneath in one step and Back still walks through the items one by one.
 */
import { useCallback } from 'react';
import { type Location, useNavigate } from 'react-router';
import { paths, usePageLocation } from '../../routes.ts';
import { useStoreOnce } from '../../state/use-store.ts';

export interface PanelLocationState {
  background?: Location;
  /** How many items were opened in a row from inside the panel (1 = opened from the screen). */
  panelDepth?: number;
}

export function usePanelNavigation(): { close: () => void; linkState: PanelLocationState | undefined } {
  const location = usePageLocation();
  const navigate = useNavigate();
  const store = useStoreOnce();
  const state = location.state as PanelLocationState | null;
  const background = state?.background;
  const depth = state?.panelDepth ?? 1;
  const productKey = store.product.key;

  const close = useCallback(() => {
    if (background) navigate(-depth);
    else navigate(paths.backlog(productKey));
  }, [background, depth, navigate, productKey]);

  return { close, linkState: background ? { background, panelDepth: depth + 1 } : undefined };
}

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { itemKeyInPath, productKeyInPath } from './addresses.ts';
import { App } from './app.tsx';
import { releaseFirstPaint } from './boot/first-paint.ts';
import { prefetchBacklog, prefetchItem } from './state/prefetch.ts';
import { startSessionRead } from './state/session.tsx';
import './styles.css';

// Ask for the session, the item of an item address, and the backlog (its first page, then all of it — for
// an item's address, once the item is in) now, while React boots. In this order the server answers the
// small requests first, and the frame is drawn before the rows arrive.
startSessionRead();
const itemKey = itemKeyInPath(window.location.pathname);
const item = itemKey ? prefetchItem(itemKey) : undefined;
// The panel's code too, which otherwise is only asked for once the panel renders.
if (itemKey) void import('./screens/items/item-panel.tsx');
const productKey = productKeyInPath(window.location.pathname);
if (productKey) prefetchBacklog(productKey, window.location.pathname, item);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
releaseFirstPaint(root);
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app.tsx';
import { prefetchBacklog, productKeyInPath } from './state/prefetch.ts';
import { startSessionRead } from './state/session.tsx';
import './styles.css';

// Ask for the session and, right behind it, the backlog (the big request) now, while React boots. In this
// order the server answers the small session requests first, and the frame is drawn before the rows arrive.
startSessionRead();
const productKey = productKeyInPath(window.location.pathname);
if (productKey) prefetchBacklog(productKey);

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

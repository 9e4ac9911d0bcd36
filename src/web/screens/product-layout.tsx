/** The frame around a product's screens: header, navigation, live status, item panel, palette, help. */
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, Suspense, useEffect, useMemo, useState } from 'react';
import { Link, NavLink, Outlet, useLocation, useNavigate, useParams } from 'react-router';
import type { ProductT } from '../api/types.ts';
import { rememberProductId } from '../boot/product-ids.ts';
import { NotificationBell } from '../components/comments/notification-bell.tsx';
import { isDocPath } from '../components/doc-tabs.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { isInsightPath } from '../components/insight-tabs.tsx';
import { itemKeyInPath, paths, usePageLocation } from '../routes.ts';
import { connectLive, type LiveStatus } from '../state/live.ts';
import { invalidateFromLive } from '../state/live-invalidation.ts';
import { dropUnobserved } from '../state/query-client.ts';
import { useSession, useSignedIn } from '../state/session.tsx';
import { useProductStore } from '../state/store-registry.ts';
import { StoreContext, useStore } from '../state/use-store.ts';
import { isHomePath, ProductNavLinks } from './home/product-nav-links.tsx';
import { LAST_PRODUCT_KEY } from './home-screen.tsx';
import { ItemPanel, preloadScreens } from './lazy-screens.tsx';
import { CommandPalette } from './palette/command-palette.tsx';
import { HelpOverlay } from './palette/help-overlay.tsx';
import { useGlobalShortcuts } from './use-global-shortcuts.ts';

export function ProductLayout(props: { productKey?: string; children?: ReactNode }) {
  const params = useParams();
  const productKey = (props.productKey ?? params.productKey ?? '').toUpperCase();
  const { user, products } = useSignedIn();
  const product = products.find((p) => p.key === productKey);
  if (!product) return <NoProduct productKey={productKey} />;
  return (
    <ProductStoreProvider product={product} readOnly={user.role === 'viewer'}>
      {props.children ?? <Outlet />}
    </ProductStoreProvider>
  );
}

function NoProduct({ productKey }: { productKey: string }) {
  return (
    <main className="centered">
      <h1>No product {productKey}</h1>
      <p>
        It does not exist, or you are not a member of it. <Link to={paths.products()}>See your products</Link>
        .
      </p>
    </main>
  );
}

function ProductStoreProvider(props: { product: ProductT; readOnly: boolean; children: ReactNode }) {
  const store = useProductStore(props.product);
  store.readOnly = props.readOnly;
  return (
    <StoreContext.Provider value={store}>
      <ProductFrame>{props.children}</ProductFrame>
    </StoreContext.Provider>
  );
}

function ProductFrame({ children }: { children: ReactNode }) {
  const store = useStore();
  const queryClient = useQueryClient();
  // The window's address: under a panel, useLocation() names the screen underneath (see app.tsx).
  const location = usePageLocation();
  // The screen's own address (under a panel, the screen underneath): a new one gets a failed screen a retry.
  const screenPath = useLocation().pathname;
  const [live, setLive] = useState<LiveStatus>('connecting');
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const itemKey = itemKeyInPath(location.pathname);
  const ready = store.state === 'ready';

  useEffect(() => {
    if (!ready) return;
    preloadScreens();
    const stopInvalidating = invalidateFromLive(queryClient, store);
    const stopLive = connectLive(store, setLive);
    return () => {
      stopLive();
      stopInvalidating();
    };
  }, [store, ready, queryClient]);

  useEffect(() => {
    localStorage.setItem(LAST_PRODUCT_KEY, store.product.key);
    rememberProductId(store.product.key, store.product.id);
  }, [store]);

  const shortcuts = useMemo(
    () => ({ openPalette: () => setPaletteOpen(true), openHelp: () => setHelpOpen(true) }),
    [],
  );
  useGlobalShortcuts(shortcuts);

  return (
    <div className="app">
      <Header live={live} onSearch={() => setPaletteOpen(true)} onHelp={() => setHelpOpen(true)} />
      <div className="app-body">
        {store.state === 'error' ? (
          <main className="centered">
            <h1>Could not load {store.product.name}</h1>
            <p role="alert">{store.error}</p>
            <button type="button" onClick={() => void store.load()}>
              Try again
            </button>
          </main>
        ) : (
          // A lazy screen not fetched yet (rare: they are preloaded once the product is ready) shows blank
          // for the few milliseconds its code takes to arrive.
          <ErrorBoundary
            what="this screen"
            resetKey={screenPath}
            className="screen"
            onReset={() => dropUnobserved(queryClient)}
          >
            <Suspense fallback={<main className="screen" aria-busy="true" />}>{children}</Suspense>
          </ErrorBoundary>
        )}
        {/* The panel does not wait for the backlog: it reads its own item (see use-full-item.ts). */}
        {itemKey && store.state !== 'error' && (
          <ErrorBoundary
            what={`item ${itemKey}`}
            resetKey={itemKey}
            className="side-panel item-panel"
            onReset={() => dropUnobserved(queryClient)}
          >
            <Suspense fallback={null}>
              <ItemPanel itemKey={itemKey} />
            </Suspense>
          </ErrorBoundary>
        )}
      </div>
      {paletteOpen && (
        <CommandPalette onClose={() => setPaletteOpen(false)} onHelp={() => setHelpOpen(true)} />
      )}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
    </div>
  );
}

const LIVE_TEXT: Record<LiveStatus, string> = {
  connecting: 'Connecting…',
  live: 'Live',
  offline: 'Offline — retrying',
};

function Header(props: { live: LiveStatus; onSearch: () => void; onHelp: () => void }) {
  const store = useStore();
  const { user, products } = useSignedIn();
  const { logout } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const key = store.product.key;
  // Under an item panel, the screen underneath decides which view is current.
  const { pathname } = usePageLocation();
  return (
    <header className="app-header">
      <Link to={paths.home()} className="brand" aria-label="Cairn home">
        <img src="/favicon.svg" alt="" width="22" height="22" /> <span className="brand-name">Cairn</span>
      </Link>
      <label className="product-switcher">
        <span className="visually-hidden">Product</span>
        <select
          value={key}
          onChange={(event) => {
            if (event.target.value === '+') navigate(paths.products());
            else navigate(paths.backlog(event.target.value));
          }}
        >
          {products.map((p) => (
            <option key={p.id} value={p.key}>
              {p.name} ({p.key})
            </option>
          ))}
          <option value="+">All products / new product…</option>
        </select>
      </label>
      <nav aria-label="Views" className="views">
        {/* Home: what is overdue, the leading screens and the vision's first lines. */}
        <NavLink to={paths.productHome(key)} className={() => (isHomePath(pathname) ? 'active' : '')}>
          Home
        </NavLink>
        {/* Backlog, roadmap, timeline, sprints, board, releases: in the order the process profile leads with. */}
        <ProductNavLinks productId={store.product.id} productKey={key} />
        {/* Vision, PRDs and story maps: one entry, tabs on the screens themselves. */}
        <NavLink to={paths.vision(key)} className={() => (isDocPath(pathname) ? 'active' : '')}>
          Docs
        </NavLink>
        {/* Health, Grooming, Dependencies and the charts: one entry, tabs on the screens themselves. */}
        <NavLink to={paths.health(key)} className={() => (isInsightPath(pathname) ? 'active' : '')}>
          Insights
        </NavLink>
      </nav>
      <div className="header-end">
        {store.readOnly && (
          <span
            className="read-only"
            title="Your role is viewer: you can read this product but not change it"
          >
            Read-only
          </span>
        )}
        <span className={`live live-${props.live}`} role="status" title="Live updates from other people">
          <span className="live-text">{LIVE_TEXT[props.live]}</span>
        </span>
        {/* Narrow windows show the short label (styles.css): the accessible name is what is shown. */}
        <button
          type="button"
          className="search-button"
          aria-keyshortcuts="Control+K"
          onClick={props.onSearch}
        >
          <span className="search-long">Search or jump to…</span>
          <span className="search-short">Search</span> <kbd>Ctrl K</kbd>
        </button>
        <NotificationBell />
        <button type="button" className="icon-button" onClick={props.onHelp} aria-label="Keyboard shortcuts">
          ?
        </button>
        <Link className="user" title={`${user.email}: your tokens and calendar feed`} to={paths.account()}>
          {user.name}
        </Link>
        <button
          type="button"
          title={`Signed in as ${user.name} (${user.email})`}
          className="link-button"
          onClick={() => {
            queryClient.clear();
            void logout().then(() => navigate('/'));
          }}
        >
          Log out
        </button>
      </div>
    </header>
  );
}

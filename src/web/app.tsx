/** The whole app: session gate, then the routes. Every screen has a URL; reloading keeps you there. */
import { QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useParams } from 'react-router';
import { ErrorBoundary } from './components/error-boundary.tsx';
import { Notices } from './components/notices.tsx';
import { PageLocationContext, productKeyOf } from './routes.ts';
import { AccountScreen } from './screens/account/account-screen.tsx';
import { BacklogScreen } from './screens/backlog/backlog-screen.tsx';
import { HomeScreen } from './screens/home-screen.tsx';
import {
  AudiencesScreen,
  DependenciesScreen,
  GroomingScreen,
  HealthScreen,
  ImportScreen,
  InitiativeScreen,
  PrdScreen,
  PrdsScreen,
  ProductHomeScreen,
  ReleaseScreen,
  ReleasesScreen,
  ReportsScreen,
  RoadmapBoardScreen,
  SprintBoardScreen,
  SprintScreen,
  SprintsScreen,
  StoryMapScreen,
  StoryMapsScreen,
  TimelineScreen,
  VisionScreen,
  WebhooksScreen,
} from './screens/lazy-screens.tsx';
import { LoginScreen } from './screens/login-screen.tsx';
import { ProductLayout } from './screens/product-layout.tsx';
import { ProductsScreen } from './screens/products-screen.tsx';
import { SetupScreen } from './screens/setup-screen.tsx';
import { queryClient } from './state/query-client.ts';
import { SessionProvider, useSession } from './state/session.tsx';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <BrowserRouter>
          <Gate />
          <Notices />
        </BrowserRouter>
      </SessionProvider>
    </QueryClientProvider>
  );
}

/** Shows first-run setup or the login until there is a signed-in user. */
function Gate() {
  const { session } = useSession();
  const location = useLocation();
  switch (session.status) {
    case 'loading':
      return <div className="boot" aria-busy="true" />;
    case 'error':
      return (
        <main className="centered">
          <h1>Cairn cannot reach its server</h1>
          <p role="alert">{session.message}</p>
        </main>
      );
    case 'setup':
      return <SetupScreen />;
    case 'anonymous':
      return <LoginScreen returnTo={location.pathname + location.search} />;
    case 'signed-in':
      return <SignedInRoutes />;
  }
}

interface BackgroundState {
  background?: { pathname: string; search: string; hash: string; state: unknown; key: string };
}

function SignedInRoutes() {
  const location = useLocation();
  // An item opened from a screen keeps that screen underneath its panel (and its scroll and filters).
  const background = (location.state as BackgroundState | null)?.background;
  return (
    <PageLocationContext.Provider value={location}>
      {/* The last resort: product screens have their own boundary inside the frame (product-layout.tsx). */}
      <ErrorBoundary what="this page" resetKey={location.pathname} className="centered">
        <Routes location={background ?? location}>
          <Route path="/" element={<HomeScreen />} />
          <Route path="/products" element={<ProductsScreen />} />
          <Route path="/account" element={<AccountScreen />} />
          <Route path="/setup" element={<Navigate to="/" replace />} />
          <Route path="/login" element={<Navigate to="/" replace />} />
          <Route path="/p/:productKey" element={<ProductLayout />}>
            <Route index element={<ProductHomeScreen />} />
            <Route path="vision" element={<VisionScreen />} />
            <Route path="backlog" element={<BacklogScreen />} />
            <Route path="roadmap" element={<RoadmapBoardScreen />} />
            <Route path="roadmap/audiences" element={<AudiencesScreen />} />
            <Route path="timeline" element={<TimelineScreen />} />
            <Route path="initiatives/:initiativeId" element={<InitiativeScreen />} />
            <Route path="sprints" element={<SprintsScreen />} />
            <Route path="sprints/:sprintId" element={<SprintScreen />} />
            <Route path="board" element={<SprintBoardScreen />} />
            <Route path="reports" element={<ReportsScreen />} />
            <Route path="releases" element={<ReleasesScreen />} />
            <Route path="releases/:releaseId" element={<ReleaseScreen />} />
            <Route path="prds" element={<PrdsScreen />} />
            <Route path="prds/:prdId" element={<PrdScreen />} />
            <Route path="story-maps" element={<StoryMapsScreen />} />
            <Route path="story-maps/:mapId" element={<StoryMapScreen />} />
            <Route path="grooming" element={<GroomingScreen />} />
            <Route path="dependencies" element={<DependenciesScreen />} />
            <Route path="health" element={<HealthScreen />} />
            <Route path="import" element={<ImportScreen />} />
            <Route path="webhooks" element={<WebhooksScreen />} />
          </Route>
          <Route path="/:itemKey" element={<ItemOnBacklog />} />
          <Route path="*" element={<NotFound />} />
        </Routes>
      </ErrorBoundary>
    </PageLocationContext.Provider>
  );
}

/** /CHK-42 loaded directly: the product's backlog with the item's panel open. */
function ItemOnBacklog() {
  const { itemKey = '' } = useParams();
  if (!/^[A-Za-z]{2,10}-\d+$/.test(itemKey)) return <NotFound />;
  return (
    <ProductLayout productKey={productKeyOf(itemKey)}>
      <BacklogScreen />
    </ProductLayout>
  );
}

function NotFound() {
  return (
    <main className="centered">
      <h1>Nothing here</h1>
      <p>
        This address does not lead to anything in Cairn. <a href="/">Go to your products</a>.
      </p>
    </main>
  );
}

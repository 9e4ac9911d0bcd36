/** Who is signed in, whether the workspace still needs its first owner, and the products they can see. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import { onUnauthorized } from '../api/client.ts';
import { productsApi } from '../api/products.ts';
import { sessionApi } from '../api/session.ts';
import type { ProductT, UserT } from '../api/types.ts';

export type SessionState =
  | { status: 'loading' }
  | { status: 'setup' }
  | { status: 'anonymous' }
  | { status: 'error'; message: string }
  | { status: 'signed-in'; user: UserT; products: ProductT[] };

interface SessionApi {
  session: SessionState;
  /** Re-reads the user and products (after login, setup or creating a product). */
  reload: () => Promise<void>;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionApi | null>(null);

let firstRead: Promise<SessionState> | null = null;

/** Starts reading the session at once (main.tsx calls it before React renders); the provider uses it. */
export function startSessionRead(): void {
  firstRead ??= readSession();
}

async function readSession(): Promise<SessionState> {
  try {
    // The usual case (signed in) in one round trip: the user and their products together.
    const [user, products] = await Promise.all([
      sessionApi.me().catch(() => null),
      productsApi.list().catch(() => null),
    ]);
    if (user && products) return { status: 'signed-in', user, products };
    const required = await sessionApi.setupRequired();
    return required ? { status: 'setup' } : { status: 'anonymous' };
  } catch (error) {
    return { status: 'error', message: (error as Error).message };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: 'loading' });
  const reload = useCallback(async () => setSession(await readSession()), []);
  const logout = useCallback(async () => {
    await sessionApi.logOut().catch(() => undefined);
    setSession({ status: 'anonymous' });
  }, []);
  useEffect(() => {
    const initial = firstRead ?? readSession();
    firstRead = null;
    void initial.then(setSession);
    return onUnauthorized(() => setSession((s) => (s.status === 'signed-in' ? { status: 'anonymous' } : s)));
  }, []);
  return <SessionContext.Provider value={{ session, reload, logout }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession needs <SessionProvider>');
  return value;
}

/** The signed-in user and their products; only for screens behind the sign-in gate. */
export function useSignedIn(): { user: UserT; products: ProductT[]; reload: () => Promise<void> } {
  const { session, reload } = useSession();
  if (session.status !== 'signed-in') throw new Error('useSignedIn outside the signed-in part of the app');
  return { user: session.user, products: session.products, reload };
}

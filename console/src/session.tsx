import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, setApiKey, setUnauthorizedHandler, unwrap, type Schemas } from './api/client';
import type { Problem } from './lib/problem';

/**
 * The signed-in key: kept in this tab's sessionStorage only (gone when the tab closes; never in
 * localStorage, a cookie or a URL). `me` is what GET /api/v1/me answered for it. A 401 on any call (key
 * revoked, or unknown after a reset) signs out with the reason shown on the sign-in page.
 */
const KEY = 'cse.console.apiKey';

export type Me = Schemas['MeDto'];

interface SessionState {
  readonly me: Me | null;
  readonly checking: boolean;
  /** Why the last session ended (a revoked key), shown on the sign-in page. */
  readonly endedBecause: Problem | null;
  signIn(key: string): Promise<void>;
  signOut(): void;
}

const SessionContext = createContext<SessionState | null>(null);

function storedKey(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null;
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState<boolean>(() => storedKey() !== null);
  const [endedBecause, setEndedBecause] = useState<Problem | null>(null);

  const end = useCallback((reason: Problem | null) => {
    sessionStorage.removeItem(KEY);
    setApiKey(null);
    setMe(null);
    setEndedBecause(reason);
  }, []);

  const signIn = useCallback(async (key: string) => {
    setApiKey(key);
    try {
      const answer = await unwrap(api.GET('/api/v1/me'));
      sessionStorage.setItem(KEY, key);
      setEndedBecause(null);
      setMe(answer);
    } catch (e) {
      setApiKey(null);
      throw e;
    }
  }, []);

  useEffect(() => {
    // A 401 ends a session that was signed in; a refused sign-in attempt is shown under its field only.
    setUnauthorizedHandler((p) => {
      if (storedKey() !== null) end(p);
    });
    const key = storedKey();
    if (key) {
      signIn(key)
        .catch((e: unknown) => end(e instanceof ApiError ? e.problem : null))
        .finally(() => setChecking(false));
    }
    return () => setUnauthorizedHandler(null);
  }, [end, signIn]);

  const value = useMemo<SessionState>(
    () => ({ me, checking, endedBecause, signIn, signOut: () => end(null) }),
    [me, checking, endedBecause, signIn, end],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

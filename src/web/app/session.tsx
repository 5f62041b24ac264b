import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { type Permission } from '../../platform/authz/permissions.js';
import { getSession, logout, probeSession, type SessionInfo } from '../api/accounts.js';
import { lastApiRequestAt, onUnauthorized, type ApiError } from '../api/http.js';
import { FullPageError, FullPageLoader } from '../components/FullPageState.js';
import { plural } from '../components/format.js';

export const SESSION_KEY = ['session'] as const;
export const SETUP_KEY = ['setup'] as const;

/** Why the user arrives at the sign-in page, shown there. */
export type AuthNotice = { kind: 'expired' | 'signed-out'; message: string };

let pendingNotice: AuthNotice | null = null;
const noticeListeners = new Set<() => void>();

function setAuthNotice(notice: AuthNotice | null): void {
  pendingNotice = notice;
  for (const listener of noticeListeners) listener();
}

export const clearAuthNotice = (): void => setAuthNotice(null);

/** Why the last session ended, while nobody has signed in since. */
export function useAuthNotice(): AuthNotice | null {
  return useSyncExternalStore(
    (listener) => {
      noticeListeners.add(listener);
      return () => noticeListeners.delete(listener);
    },
    () => pendingNotice,
  );
}

/**
 * Page state worth keeping while moving around the app (the clients search), held in memory only and
 * forgotten when the session ends, so nothing typed about a client outlives the sign-in.
 */
const sessionMemory = new Map<string, unknown>();

export function useSessionMemory<T>(key: string, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() =>
    sessionMemory.has(key) ? (sessionMemory.get(key) as T) : initial,
  );
  const set = useCallback(
    (next: T) => {
      sessionMemory.set(key, next);
      setValue(next);
    },
    [key],
  );
  return [value, set];
}

export function useSessionQuery() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: getSession, staleTime: Infinity });
}

/** Forgets everything fetched while signed in (client data must not linger on a shared computer). */
export function endSessionLocally(queryClient: QueryClient): void {
  void queryClient.cancelQueries();
  sessionMemory.clear();
  queryClient.setQueryData(SESSION_KEY, null);
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] && query.queryKey[0] !== SETUP_KEY[0],
  });
}

/** Starts a session on this page after sign-in, set-up or accepting an invitation. */
export function startSession(queryClient: QueryClient, session: SessionInfo): void {
  clearAuthNotice();
  sessionMemory.clear();
  queryClient.removeQueries({
    predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] && query.queryKey[0] !== SETUP_KEY[0],
  });
  queryClient.setQueryData(SESSION_KEY, session);
}

export async function signOut(queryClient: QueryClient): Promise<void> {
  setAuthNotice({ kind: 'signed-out', message: 'You have signed out.' });
  try {
    await logout();
  } catch {
    // Signing out locally matters most; the server session ends on its own.
  }
  endSessionLocally(queryClient);
}

function expiryMessage(error: ApiError, idleMinutes: number): string {
  if (/without activity/i.test(error.detail)) return error.detail;
  if (/session has ended/i.test(error.detail)) return error.detail;
  return `Your session has ended (sessions end after ${plural(idleMinutes, 'minute')} without activity). Please sign in again.`;
}

/**
 * Listens for a 401 from any API call: while signed in, that means the session ended on the server
 * (idle timeout, signed out elsewhere, account deactivated). Also watches the idle time itself, so that
 * client data leaves the screen of a shared front-desk computer when the server's session has ended.
 */
export function SessionWatcher() {
  const queryClient = useQueryClient();
  const session = useSessionQuery().data;
  const idleMinutes = session?.idleTimeoutMinutes;

  useEffect(() => {
    onUnauthorized((error) => {
      const current = queryClient.getQueryData<SessionInfo | null>(SESSION_KEY);
      if (!current) {
        // Several requests can fail at once; keep the most telling message.
        if (pendingNotice?.kind === 'expired' && /without activity/i.test(error.detail)) {
          setAuthNotice({ kind: 'expired', message: error.detail });
        }
        return;
      }
      setAuthNotice({ kind: 'expired', message: expiryMessage(error, current.idleTimeoutMinutes) });
      endSessionLocally(queryClient);
    });
    return () => onUnauthorized(undefined);
  }, [queryClient]);

  useEffect(() => {
    if (!idleMinutes) return undefined;
    let lastInteraction = 0;
    const interacted = () => {
      lastInteraction = Date.now();
    };
    window.addEventListener('keydown', interacted, { passive: true });
    window.addEventListener('pointerdown', interacted, { passive: true });
    const timer = window.setInterval(() => {
      const sinceRequest = Date.now() - lastApiRequestAt();
      const idleMs = idleMinutes * 60_000;
      if (lastInteraction > lastApiRequestAt() && sinceRequest > 2 * 60_000 && sinceRequest < idleMs) {
        // Someone is working on this page (typing a long note): keep their session alive.
        void probeSession().catch(() => undefined);
      } else if (sinceRequest > idleMs + 5_000) {
        // The server has ended the session by now; asking confirms it and records the expiry.
        void probeSession().catch(() => undefined);
      }
    }, 15_000);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('keydown', interacted);
      window.removeEventListener('pointerdown', interacted);
    };
  }, [idleMinutes]);

  return null;
}

const SessionContext = createContext<SessionInfo | null>(null);

/** The signed-in session; only inside routes guarded by RequireSession. */
export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession is used outside RequireSession.');
  return session;
}

export function useCan(permission: Permission): boolean {
  // The server lists the role's rights plus the owner's grants for this person.
  return useSession().user.permissions.includes(permission);
}

export function SessionProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/** Guards the signed-in part of the app: without a session, go to sign-in and come back afterwards. */
export function RequireSession() {
  const location = useLocation();
  const query = useSessionQuery();
  if (query.isPending) return <FullPageLoader />;
  if (query.isError) return <FullPageError error={query.error} onRetry={() => void query.refetch()} />;
  if (!query.data) {
    const notice = pendingNotice;
    const here = `${location.pathname}${location.search}`;
    const next = notice?.kind === 'signed-out' ? '' : `?next=${encodeURIComponent(here)}`;
    return <Navigate to={`/login${next}`} replace state={notice ? { notice } : undefined} />;
  }
  return (
    <SessionProvider session={query.data}>
      <Outlet />
    </SessionProvider>
  );
}

/** Where to go after signing in: the page the user was on, if it is one of ours. */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/clients';
  return next;
}

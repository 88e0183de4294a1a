import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { onUnauthenticated, setCsrfToken } from '../api/http.js';
import {
  type Account,
  fetchSession,
  postLogin,
  postLogout,
  SessionContext,
  type SessionState,
} from '../api/session.js';
import { useNavigate } from './router.js';

/** Loads the session once, keeps the CSRF token for the API, and ends it on logout or a 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const navigate = useNavigate();
  const [account, setAccount] = useState<Account | null | undefined>(undefined);

  useEffect(() => {
    let active = true;
    fetchSession().then(
      (session) => {
        if (!active) return;
        setCsrfToken(session.csrfToken);
        setAccount(session.account);
      },
      () => {
        if (active) setAccount(null);
      },
    );
    return () => {
      active = false;
    };
  }, []);

  useEffect(() => {
    onUnauthenticated(() => {
      setCsrfToken(null);
      setAccount(null);
      navigate('/inloggen', { replace: true });
    });
    return () => onUnauthenticated(null);
  }, [navigate]);

  const login = useCallback(async (username: string, password: string) => {
    const session = await postLogin(username, password);
    setCsrfToken(session.csrfToken);
    setAccount(session.account);
  }, []);

  const logout = useCallback(async () => {
    try {
      await postLogout();
    } catch {
      // The session ends on this side regardless; the cookie expires on the server's clock.
    } finally {
      setCsrfToken(null);
      setAccount(null);
      navigate('/inloggen');
    }
  }, [navigate]);

  const value = useMemo<SessionState>(() => ({ account, login, logout }), [account, login, logout]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

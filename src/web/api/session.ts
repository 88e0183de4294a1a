/**
 * The session: who is logged in, in which municipality, with which role, and the CSRF token
 * the API wants on every change.
 */
import { createContext, useContext } from 'react';
import type { Role } from '../../shared/roles.js';
import { apiPost, apiRequest } from './http.js';

export interface Account {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  municipalityCode: string;
  municipalityName: string;
  providerId: string | null;
}

export interface Session {
  account: Account;
  csrfToken: string;
}

export interface SessionState {
  /** undefined while the first check runs; null when nobody is logged in. */
  account: Account | null | undefined;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession needs a SessionProvider');
  return state;
}

/** The logged-in account; only for screens behind the login. */
export function useAccount(): Account {
  const { account } = useSession();
  if (!account) throw new Error('useAccount needs a logged-in session');
  return account;
}

export function fetchSession(): Promise<Session> {
  return apiRequest<Session>('GET', '/api/v1/auth/session', { redirectOnUnauthenticated: false });
}

export function postLogin(username: string, password: string): Promise<Session> {
  return apiRequest<Session>('POST', '/api/v1/auth/login', {
    body: { username, password },
    redirectOnUnauthenticated: false,
  });
}

export function postLogout(): Promise<void> {
  return apiRequest<void>('POST', '/api/v1/auth/logout', { redirectOnUnauthenticated: false });
}

export function changePassword(currentPassword: string, newPassword: string): Promise<void> {
  return apiPost<void>('/api/v1/auth/password', { currentPassword, newPassword });
}

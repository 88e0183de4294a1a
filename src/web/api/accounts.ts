/** Accounts of the municipality (administrator only). */
import type { AccountView } from '../../modules/accounts/accounts-service.js';
import type { Role } from '../../shared/roles.js';
import { apiPost, apiPut, type ListResult } from './http.js';
import { useApiGet } from './use-api.js';

export type { AccountView } from '../../modules/accounts/accounts-service.js';

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  password: string;
  providerId: string | null;
}

export function useAccounts() {
  return useApiGet<ListResult<AccountView>>('/api/v1/accounts');
}

export function createAccount(input: NewAccount): Promise<AccountView> {
  return apiPost<AccountView>('/api/v1/accounts', input);
}

export function updateAccount(
  id: string,
  input: { displayName: string; role: Role; active: boolean; providerId: string | null },
): Promise<AccountView> {
  return apiPut<AccountView>(`/api/v1/accounts/${encodeURIComponent(id)}`, input);
}

/** Providers, provisions, contracts and residents (module `registry`). */

import { useEffect, useState } from 'react';
// The shapes are the server's own (inferred from its Zod schemas), so UI and API cannot drift.
import type {
  ContractDetail,
  ContractInput,
  ContractSummary,
  FinancingVariant,
  Law,
  ProviderDetail,
  ProviderInput,
  ProviderSummary,
  ProvisionView as Provision,
  ProvisionInput,
  ProvisionKind,
  ResidentView as Resident,
  ResidentInput,
  ResidentRequest,
} from '../../modules/registry/registry-schema.js';
import { ApiError, apiGet, apiPost, apiPut, fetchAllPages, type ListResult } from './http.js';
import { useApiGet } from './use-api.js';

export type {
  ContractDetail,
  ContractInput,
  ContractSummary,
  FinancingVariant,
  Law,
  ProviderDetail,
  ProviderInput,
  ProviderSummary,
  Provision,
  ProvisionInput,
  ProvisionKind,
  Resident,
  ResidentInput,
  ResidentRequest,
};
export type ContractLine = ContractDetail['lines'][number];
export { KPI_INDICATORS, type KpiIndicator } from '../../shared/kpi-indicators.js';

export const LAWS: readonly Law[] = ['wmo', 'youth', 'participation'];
export const PROVISION_KINDS: readonly ProvisionKind[] = ['general', 'tailored'];
export const FINANCING_VARIANTS: readonly FinancingVariant[] = ['effort', 'output', 'task'];

export interface Paging {
  limit: number;
  offset: number;
}

// providers

export interface ProviderFilter {
  search: string;
}

export function useProviders(filter: ProviderFilter, paging: Paging) {
  return useApiGet<ListResult<ProviderSummary>>('/api/v1/providers', { search: filter.search, ...paging });
}

export function fetchAllProviders(filter: ProviderFilter): Promise<ProviderSummary[]> {
  return fetchAllPages<ProviderSummary>('/api/v1/providers', { search: filter.search });
}

export function useProvider(id: string | null) {
  return useApiGet<ProviderDetail>(id === null ? null : `/api/v1/providers/${encodeURIComponent(id)}`);
}

export function saveProvider(id: string | null, input: ProviderInput): Promise<ProviderDetail> {
  return id === null
    ? apiPost<ProviderDetail>('/api/v1/providers', input)
    : apiPut<ProviderDetail>(`/api/v1/providers/${encodeURIComponent(id)}`, input);
}

// provisions

export interface ProvisionFilter {
  search: string;
  law: string;
  kind: string;
}

export function useProvisions(filter: ProvisionFilter, paging: Paging) {
  return useApiGet<ListResult<Provision>>('/api/v1/provisions', { ...filter, ...paging });
}

export function fetchAllProvisions(filter: ProvisionFilter): Promise<Provision[]> {
  return fetchAllPages<Provision>('/api/v1/provisions', { ...filter });
}

/** The tailored provisions a contract can buy, for the lines editor. */
export function useTailoredProvisions() {
  return useApiGet<ListResult<Provision>>('/api/v1/provisions', { kind: 'tailored', limit: 500, offset: 0 });
}

/** Every provision of one law, for the decision form (a municipality has tens, not thousands). */
export function useProvisionsOfLaw(law: Law) {
  return useApiGet<ListResult<Provision>>('/api/v1/provisions', { law, limit: 500, offset: 0 });
}

export function useProvision(id: string | null) {
  return useApiGet<Provision>(id === null ? null : `/api/v1/provisions/${encodeURIComponent(id)}`);
}

export function saveProvision(id: string | null, input: ProvisionInput): Promise<Provision> {
  return id === null
    ? apiPost<Provision>('/api/v1/provisions', input)
    : apiPut<Provision>(`/api/v1/provisions/${encodeURIComponent(id)}`, input);
}

// contracts

export interface ContractFilter {
  search: string;
  providerId: string;
}

export function useContracts(filter: ContractFilter, paging: Paging) {
  return useApiGet<ListResult<ContractSummary>>('/api/v1/contracts', { ...filter, ...paging });
}

export function fetchAllContracts(filter: ContractFilter): Promise<ContractSummary[]> {
  return fetchAllPages<ContractSummary>('/api/v1/contracts', { ...filter });
}

export function useContract(id: string | null) {
  return useApiGet<ContractDetail>(id === null ? null : `/api/v1/contracts/${encodeURIComponent(id)}`);
}

export function saveContract(id: string | null, input: ContractInput): Promise<ContractDetail> {
  return id === null
    ? apiPost<ContractDetail>('/api/v1/contracts', input)
    : apiPut<ContractDetail>(`/api/v1/contracts/${encodeURIComponent(id)}`, input);
}

export interface ContractsForState {
  contracts: ContractDetail[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
}

/**
 * The contracts of a provider whose lines include a provision, for the decision form. The
 * contract list has no lines, so each of the provider's contracts is read once (a provider has a
 * handful); the answers are kept per provider while the form is open.
 */
export function useContractsFor(providerId: string, provisionId: string): ContractsForState {
  const [state, setState] = useState<{
    providerId: string;
    contracts?: ContractDetail[];
    error?: ApiError;
  }>({ providerId: '' });

  useEffect(() => {
    if (providerId === '') return;
    const controller = new AbortController();
    setState({ providerId });
    (async () => {
      const list = await apiGet<ListResult<ContractSummary>>(
        '/api/v1/contracts',
        { providerId, limit: 500, offset: 0 },
        controller.signal,
      );
      return Promise.all(
        list.items.map((c) =>
          apiGet<ContractDetail>(
            `/api/v1/contracts/${encodeURIComponent(c.id)}`,
            undefined,
            controller.signal,
          ),
        ),
      );
    })().then(
      (contracts) => {
        if (!controller.signal.aborted) setState({ providerId, contracts });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          providerId,
          error: error instanceof ApiError ? error : new ApiError(0, 'NETWORK_ERROR', ''),
        });
      },
    );
    return () => controller.abort();
  }, [providerId]);

  if (providerId === '' || state.providerId !== providerId) {
    return { contracts: undefined, error: undefined, loading: providerId !== '' };
  }
  return {
    contracts: state.contracts?.filter((c) => c.lines.some((l) => l.provisionId === provisionId)),
    error: state.error,
    loading: !state.contracts && !state.error,
  };
}

/** All providers for a select (a municipality has tens, not thousands). */
export function useProviderOptions(enabled = true) {
  return useApiGet<ListResult<ProviderSummary>>(enabled ? '/api/v1/providers' : null, {
    limit: 500,
    offset: 0,
  });
}

// residents (every read is written to the processing log, so nothing is loaded without a search)

export function useResidentSearch(search: string, paging: Paging) {
  return useApiGet<ListResult<Resident>>(search ? '/api/v1/residents' : null, { search, ...paging });
}

export function useResident(id: string | null) {
  return useApiGet<Resident>(id === null ? null : `/api/v1/residents/${encodeURIComponent(id)}`);
}

/** The request shape: the server composes the display name from the parts. */
export function saveResident(id: string | null, input: ResidentRequest): Promise<Resident> {
  return id === null
    ? apiPost<Resident>('/api/v1/residents', input)
    : apiPut<Resident>(`/api/v1/residents/${encodeURIComponent(id)}`, input);
}

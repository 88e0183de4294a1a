/** Teams, cases and the worklist (module `cases`: access and tailored support). */

// The shapes are the server's own (inferred from its Zod schemas), so UI and API cannot drift.
import type { z } from 'zod';
import type {
  CASE_LAWS,
  CASE_STATUSES,
  CaseDetail,
  CaseEventBody,
  CaseSummary,
  OpenCaseBody,
  teamView,
} from '../../modules/cases/cases-schema.js';
import { apiPost, apiPut, type ListResult } from './http.js';
import { useApiGet } from './use-api.js';

export type { CaseDetail, CaseEventBody, CaseSummary, OpenCaseBody };
export type Team = z.infer<typeof teamView>;
export type CaseLaw = (typeof CASE_LAWS)[number];
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseEventType = CaseEventBody['type'];
export type Deadline = CaseDetail['deadlines'][number];
export type DeadlineStatus = Deadline['status'];
export type HistoryEntry = CaseDetail['history'][number];
export type ParticipationKind = NonNullable<OpenCaseBody['participationKind']>;

export const CASE_LAW_LIST: readonly CaseLaw[] = ['wmo', 'youth', 'participation'];
export const PARTICIPATION_KINDS: readonly ParticipationKind[] = ['income_support', 'reintegration'];

// teams

export function useTeams(enabled = true) {
  return useApiGet<ListResult<Team>>(enabled ? '/api/v1/teams' : null);
}

/** The teams an account is a member of (the API lists all teams of the municipality). */
export function teamsOf(teams: readonly Team[] | undefined, accountId: string): Team[] {
  return (teams ?? []).filter((team) => team.memberIds.includes(accountId));
}

export function createTeam(input: { name: string; districtCode: string | null }): Promise<Team> {
  return apiPost<Team>('/api/v1/teams', input);
}

export function setTeamMembers(id: string, accountIds: readonly string[]): Promise<Team> {
  return apiPut<Team>(`/api/v1/teams/${encodeURIComponent(id)}/members`, { accountIds });
}

// worklist and cases (every read is written to the processing log)

export interface WorklistFilter {
  teamId: string;
  attention: boolean;
}

/** `enabled` false: wait (e.g. until the teams are known, so a team filter is not fetched twice). */
export function useWorklist(filter: WorklistFilter, enabled = true) {
  return useApiGet<ListResult<CaseSummary>>(enabled ? '/api/v1/worklist' : null, {
    teamId: filter.teamId,
    attention: filter.attention ? 'true' : undefined,
  });
}

export function useCase(id: string) {
  return useApiGet<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
}

export function openCase(input: OpenCaseBody): Promise<CaseDetail> {
  return apiPost<CaseDetail>('/api/v1/cases', input);
}

export function recordCaseEvent(id: string, event: CaseEventBody): Promise<CaseDetail> {
  return apiPost<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}/events`, event);
}

/** Teams, cases and the worklist (module `cases`: access and tailored support). */

// The shapes are the server's own (inferred from its Zod schemas), so UI and API cannot drift.
import type { z } from 'zod';
import type { Frequency } from '../../modules/cases/allocation-rules.js';
import type { AssessmentBody, AssessmentView } from '../../modules/cases/assessment-schema.js';
import type {
  CASE_LAWS,
  CASE_STATUSES,
  CaseDetail,
  CaseEventBody,
  CaseSummary,
  OpenCaseBody,
  teamView,
} from '../../modules/cases/cases-schema.js';
import type { DecisionView, decisionBody } from '../../modules/cases/decision-schema.js';
import type {
  COMPENSATION_OUTCOMES,
  DueEvaluation,
  EvaluationBody,
  EvaluationView,
  GOAL_ATTAINMENTS,
} from '../../modules/cases/evaluation-schema.js';
import type { ZrmDomain, ZrmScore } from '../../modules/cases/self-sufficiency.js';
import { apiPost, apiPut, type ListResult } from './http.js';
import { type ApiState, useApiGet } from './use-api.js';

export type {
  AssessmentBody,
  AssessmentView,
  CaseDetail,
  CaseEventBody,
  CaseSummary,
  DecisionView,
  DueEvaluation,
  EvaluationBody,
  EvaluationView,
  Frequency,
  OpenCaseBody,
  ZrmDomain,
  ZrmScore,
};
export type DecisionBody = z.input<typeof decisionBody>;
export type DecisionLineBody = DecisionBody['lines'][number];
export type DecisionOutcome = DecisionView['outcome'];
export type DecisionLineForm = NonNullable<DecisionLineBody['form']>;
export type GoalAttainment = (typeof GOAL_ATTAINMENTS)[number];
export type CompensationOutcome = (typeof COMPENSATION_OUTCOMES)[number];
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

/** One page of a server-paged list: the server reads and logs only that page's residents. */
export interface Paging {
  limit: number;
  offset: number;
}

/** `enabled` false: wait (e.g. until the teams are known, so a team filter is not fetched twice). */
export function useWorklist(filter: WorklistFilter, paging: Paging, enabled = true) {
  return useApiGet<ListResult<CaseSummary>>(enabled ? '/api/v1/worklist' : null, {
    teamId: filter.teamId,
    attention: filter.attention ? 'true' : undefined,
    ...paging,
  });
}

/** A resident's cases, as far as they are the case worker's teams'. */
export function useResidentCases(residentId: string, enabled = true) {
  return useApiGet<ListResult<CaseSummary>>(enabled ? '/api/v1/cases' : null, { residentId });
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

// assessment, decision and evaluations (every read is written to the processing log)

const casePath = (id: string) => `/api/v1/cases/${encodeURIComponent(id)}`;

/** The case's assessment; a 404 means none has been recorded yet (see `missing`). */
export function useAssessment(caseId: string) {
  return useApiGet<AssessmentView>(`${casePath(caseId)}/assessment`);
}

/** Records the assessment, or rewrites it (goals keep their id when it is sent along). */
export function saveAssessment(caseId: string, body: AssessmentBody): Promise<AssessmentView> {
  return apiPut<AssessmentView>(`${casePath(caseId)}/assessment`, body);
}

export function useDecision(caseId: string) {
  return useApiGet<DecisionView>(`${casePath(caseId)}/decision`);
}

export function recordDecision(caseId: string, body: DecisionBody): Promise<DecisionView> {
  return apiPost<DecisionView>(`${casePath(caseId)}/decision`, body);
}

/** The decision letter (beschikking); a plain link, the browser downloads the PDF. */
export function decisionLetterHref(caseId: string): string {
  return `${casePath(caseId)}/decision/letter`;
}

export function useEvaluations(caseId: string) {
  return useApiGet<ListResult<EvaluationView>>(`${casePath(caseId)}/evaluations`);
}

export function recordEvaluation(caseId: string, body: EvaluationBody): Promise<EvaluationView> {
  return apiPost<EvaluationView>(`${casePath(caseId)}/evaluations`, body);
}

export function useEvaluationsDue(teamId: string, paging: Paging, enabled = true) {
  return useApiGet<ListResult<DueEvaluation>>(enabled ? '/api/v1/evaluations/due' : null, {
    teamId,
    ...paging,
  });
}

/** A 404 on a sub-resource of a case (assessment, decision): there is none yet, which is no error. */
export function missing<T>(state: ApiState<T>): boolean {
  return state.error?.status === 404;
}

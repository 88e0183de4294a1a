-- Indexes found with the case benchmark at a large municipality's volume (npm run bench:cases,
-- bench/case-endpoints.ts; docs/performance.md): about 60,000 clients and five years of cases.

-- The monitor's read model collects a case's providers from its allocations (outcome-facts.ts:
-- refreshCaseOutcome on every decision, assessment and evaluation, and rebuildCaseOutcomes).
-- Without this index each case scanned all of the municipality's allocations: 47 ms per case
-- at 73,000 allocations, 2 ms with it, and a full rebuild grew with the square of the volume.
create index allocation_case on allocation (municipality_code, case_id);

-- The client monitor filtered by period: compensation rates and ZRM change by evaluation date,
-- lead times by decision date (outcome-facts.ts, outcomeTallies).
create index case_outcome_evaluated on case_outcome (municipality_code, evaluated_on)
  where outcome is not null;
create index case_outcome_decided on case_outcome (municipality_code, decided_on);

-- Evaluations due, a page at a time, earliest first (evaluation-service.ts, evaluationsDue). With
-- two teams (team_id = any(...)) PostgreSQL 15 cannot read the team index in date order and
-- scanned every outcome row instead: 55 ms; walking the due dates in order and checking the team
-- in the index takes 3 ms.
create index case_outcome_due_order on case_outcome (municipality_code, evaluation_due_on)
  include (team_id) where evaluation_due_on is not null;

-- The cases behind one figure of the monitor, a page at a time (case-service.ts,
-- casesBehindOutcome): the teams' cases with one outcome, latest evaluation first, instead of all
-- of the teams' decided cases (page 41 -> 14 ms, count 27 -> 9 ms for a provision's not
-- compensated cases in two teams).
create index case_outcome_team_outcome on case_outcome (municipality_code, team_id, outcome, evaluated_on);

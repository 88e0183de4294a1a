-- Indexes found with the case benchmark at a large municipality's volume (npm run bench:cases,
-- bench/case-endpoints.ts; docs/performance.md): about 60,000 clients and five years of cases.

-- The monitor's read model collects a case's providers from its allocations (outcome-facts.ts:
-- refreshCaseOutcome on every decision, assessment and evaluation, and rebuildCaseOutcomes).
-- Without this index each case scanned all of the municipality's allocations: 47 ms per case
-- at 73,000 allocations, 2 ms with it, and a full rebuild went from quadratic to linear.
create index allocation_case on allocation (municipality_code, case_id);

-- The client monitor filtered by period: compensation rates and ZRM change by evaluation date,
-- lead times by decision date (outcome-facts.ts, outcomeTallies).
create index case_outcome_evaluated on case_outcome (municipality_code, evaluated_on)
  where outcome is not null;
create index case_outcome_decided on case_outcome (municipality_code, decided_on);

-- One row per decided case: what the client monitor aggregates. The cases module keeps it up to
-- date when it records a decision or an evaluation, so the monitor's figures come from one scan
-- of a narrow table instead of joining five tables and replaying every case's legal clock on
-- each request (see docs/decisions/0004-case-outcome-read-model.md).

create table case_outcome (
  municipality_code text not null,
  case_id uuid not null,
  -- Fixed-width and short columns first: the monitor's scans read these, and every column a
  -- scan must step over to reach them costs time on each of a large municipality's rows.
  law text not null check (law in ('wmo', 'youth', 'participation')),
  -- The latest evaluation; null until the case is evaluated.
  outcome text check (outcome in ('compensated', 'partly_compensated', 'not_compensated')),
  evaluated_on date,
  report_date date not null,
  decided_on date not null,
  -- The legal decision term as the case's clock had it (suspensions and extensions included).
  decision_due_date date,
  -- The plan's evaluation date while no evaluation on or after it exists: the worklist's
  -- "evaluations due" reads this instead of checking every decided case's evaluations.
  evaluation_due_on date,
  -- Where the resident lived when the case was decided: the monitor reports per district.
  neighbourhood_code text,
  -- The case's team: the lists behind the figures and the evaluations due are per team.
  team_id uuid not null,
  resident_id uuid not null,
  provision_ids uuid[] not null,
  provider_ids uuid[] not null,
  -- ZRM domains of the plan's goals, by how the latest evaluation's score compares to intake.
  zrm_improved text[] not null default '{}',
  zrm_same text[] not null default '{}',
  zrm_worse text[] not null default '{}',
  primary key (municipality_code, case_id),
  foreign key (municipality_code, case_id) references support_case (municipality_code, id)
);

create index case_outcome_evaluation_due on case_outcome (municipality_code, team_id, evaluation_due_on)
  where evaluation_due_on is not null;
create index case_outcome_team on case_outcome (municipality_code, team_id, evaluated_on);

-- Which state of a municipality's outcomes the monitor's figures were computed from: every write
-- to case_outcome takes a new value from one sequence (so a value is never reused, not even after
-- the demo is reset), under this row's lock, so the value a reader sees changes with every
-- committed write. The monitor keeps its computed figures per value.
create sequence case_outcome_generation_seq;
create table case_outcome_generation (
  municipality_code text primary key references municipality (code),
  generation bigint not null
);

grant select, insert, update on case_outcome, case_outcome_generation to regiekamer_app;
grant usage on sequence case_outcome_generation_seq to regiekamer_app;

do $$
declare
  t text;
begin
  foreach t in array array['case_outcome', 'case_outcome_generation']
  loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant_isolation on %I to regiekamer_app
      using (municipality_code = current_setting('app.municipality', true))
      with check (municipality_code = current_setting('app.municipality', true))$p$, t);
  end loop;
end
$$;

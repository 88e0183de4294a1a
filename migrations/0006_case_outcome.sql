-- One row per decided case: what the client monitor aggregates. The cases module keeps it up to
-- date when it records a decision or an evaluation, so the monitor's figures come from one scan
-- of a narrow table instead of joining five tables and replaying every case's legal clock on
-- each request (see docs/decisions/0004-case-outcome-read-model.md).

create table case_outcome (
  municipality_code text not null,
  case_id uuid not null,
  law text not null check (law in ('wmo', 'youth', 'participation')),
  resident_id uuid not null,
  -- Where the resident lived when the case was decided: the monitor reports per district.
  neighbourhood_code text,
  report_date date not null,
  decided_on date not null,
  -- The legal decision term as the case's clock had it (suspensions and extensions included).
  decision_due_date date,
  provision_ids uuid[] not null,
  provider_ids uuid[] not null,
  -- The latest evaluation; null until the case is evaluated.
  outcome text check (outcome in ('compensated', 'partly_compensated', 'not_compensated')),
  evaluated_on date,
  -- ZRM domains of the plan's goals, by how the latest evaluation's score compares to intake.
  zrm_improved text[] not null default '{}',
  zrm_same text[] not null default '{}',
  zrm_worse text[] not null default '{}',
  primary key (municipality_code, case_id),
  foreign key (municipality_code, case_id) references support_case (municipality_code, id)
);

grant select, insert, update on case_outcome to regiekamer_app;

alter table case_outcome enable row level security;
create policy tenant_isolation on case_outcome to regiekamer_app
  using (municipality_code = current_setting('app.municipality', true))
  with check (municipality_code = current_setting('app.municipality', true));

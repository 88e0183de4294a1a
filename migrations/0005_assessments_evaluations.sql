-- The assessment (onderzoeksverslag) of a case: life domains, what the resident and his network
-- can do, the personal plan's goals per domain and the ZRM scores at intake; and the evaluations
-- that record goal attainment, new ZRM scores and the derived outcome.

create table case_assessment (
  municipality_code text not null,
  case_id uuid not null,
  -- ZRM domain codes (see src/modules/cases/self-sufficiency.ts).
  life_domains text[] not null check (cardinality(life_domains) between 1 and 13),
  self_reliance text not null check (length(self_reliance) between 1 and 4000),
  network text not null check (length(network) between 1 and 4000),
  -- [{ id, domain, description }]
  goals jsonb not null check (jsonb_typeof(goals) = 'array' and jsonb_array_length(goals) between 1 and 20),
  -- { domain: score 1..5 }
  zrm_intake jsonb not null check (jsonb_typeof(zrm_intake) = 'object'),
  planned_evaluation_date date not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (municipality_code, case_id),
  foreign key (municipality_code, case_id) references support_case (municipality_code, id)
);
-- Evaluations due: by planned date within a tenant.
create index case_assessment_planned on case_assessment (municipality_code, planned_evaluation_date);

-- Evaluations are records of what was found on a day: inserted, never rewritten.
create table case_evaluation (
  municipality_code text not null,
  id uuid not null default gen_random_uuid(),
  case_id uuid not null,
  evaluated_on date not null,
  -- [{ goalId, domain, description, attained: 'yes' | 'partly' | 'no' }]
  goal_attainment jsonb not null check (jsonb_typeof(goal_attainment) = 'array'),
  zrm jsonb not null check (jsonb_typeof(zrm) = 'object'),
  outcome text not null check (outcome in ('compensated', 'partly_compensated', 'not_compensated')),
  explanation text[] not null,
  recorded_by text not null,
  recorded_at timestamptz not null default now(),
  primary key (municipality_code, id),
  foreign key (municipality_code, case_id) references support_case (municipality_code, id)
);
create index case_evaluation_case on case_evaluation (municipality_code, case_id, evaluated_on);

grant select, insert, update on case_assessment to regiekamer_app;
grant select, insert on case_evaluation to regiekamer_app;

do $$
declare
  t text;
begin
  foreach t in array array['case_assessment', 'case_evaluation']
  loop
    execute format('alter table %I enable row level security', t);
    execute format($p$create policy tenant_isolation on %I to regiekamer_app
      using (municipality_code = current_setting('app.municipality', true))
      with check (municipality_code = current_setting('app.municipality', true))$p$, t);
  end loop;
end
$$;
